import type { Kysely } from 'kysely';
import type { Database } from '../../src/adapters/postgres/schema.js';
import type { CommandRequest } from '../../src/app/commands/command-core.js';
import type { Clock } from '../../src/app/ports/clock.js';
import type { FollowUpInput } from '../../src/domain/index.js';
import { commandCoreOn, openCommand } from './command-core.js';
import { ANSWERS } from './incident-events.js';

const DAY = 24 * 3_600_000;

/**
 * An incident taken through open, resolve and (unless `until: 'resolved'`) postmortem `daysAgo` days ago, through the real
 * command path on the bot's database: the setup for tests about what happens to follow-ups.
 * "Ago" is by the bot's clock, as the bot itself would count it.
 * `afterCommit` lets the caller have the bot's timers synced (or not).
 */
export async function recordClosedIncident(
  bot: { readonly db: Kysely<Database>; readonly clock: Clock },
  input: {
    teamId: string;
    commander: string;
    title: string;
    followUps: FollowUpInput[];
    daysAgo?: number;
    service?: string;
    /** A private (security) incident. */
    private?: boolean;
    /** Stop once resolved, leaving the postmortem to the test. */
    until?: 'resolved' | 'closed';
    afterCommit?: (incidentId: string) => void;
  },
): Promise<string> {
  const core = commandCoreOn(bot.db, input.afterCommit);
  const daysAgo = input.daysAgo ?? 30;
  const at = (offsetDays: number) =>
    new Date(bot.clock.now().getTime() + (offsetDays - daysAgo) * DAY).toISOString();
  const opened = await core.open({
    teamId: input.teamId,
    command: openCommand(input.title, {
      actor: input.commander,
      now: at(0),
      service: input.service ?? 'checkout',
      severity: 'SEV2',
      private: input.private ?? false,
    }),
  });
  if (!opened.ok) throw new Error(opened.rejection.message);
  const id = opened.incident.id;
  const commands: CommandRequest['command'][] = [
    { type: 'TakeRole', actor: input.commander, now: at(0), role: 'commander' },
    {
      type: 'Resolve',
      actor: input.commander,
      now: at(1),
      summary: 'Rolled back',
      impactEndedAt: null,
      postmortemWanted: true,
    },
    {
      type: 'RecordPostmortem',
      actor: input.commander,
      now: at(2),
      answers: ANSWERS,
      followUps: input.followUps,
      requireControl: false,
    },
  ];
  for (const command of input.until === 'resolved' ? commands.slice(0, 2) : commands) {
    const outcome = await core.run({ incidentId: id, origin: null, command });
    if (!outcome.ok) throw new Error(outcome.rejection.message);
  }
  return id;
}
