import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import type { Database } from '../../src/adapters/postgres/schema.js';
import { handleCommand } from '../../src/app/handle-command.js';
import { openIncident } from '../../src/app/open-incident.js';
import type { Clock } from '../../src/app/ports/clock.js';
import type { FollowUpInput, IncidentCommand } from '../../src/domain/index.js';

const DAY = 24 * 3_600_000;

/**
 * An incident taken through open, resolve and (unless `until: 'resolved'`) postmortem `daysAgo` days ago, through the real
 * command path on the bot's database: the setup for tests about what happens to follow-ups.
 * "Ago" is by the bot's clock, and its effects are written due by it, as the bot itself would.
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
    /** Stop once resolved, leaving the postmortem to the test. */
    until?: 'resolved' | 'closed';
    afterCommit?: (incidentId: string) => void;
  },
): Promise<string> {
  const deps = {
    store: createIncidentStore(bot.db, bot.clock),
    afterCommit: input.afterCommit ?? (() => {}),
  };
  const daysAgo = input.daysAgo ?? 30;
  const at = (offsetDays: number) =>
    new Date(bot.clock.now().getTime() + (offsetDays - daysAgo) * DAY).toISOString();
  const opened = await openIncident(
    { ...deps, newId: randomUUID },
    {
      teamId: input.teamId,
      responseUrl: null,
      command: {
        type: 'OpenIncident',
        actor: input.commander,
        now: at(0),
        title: input.title,
        service: input.service ?? 'checkout',
        severity: 'SEV2',
        private: false,
        drill: false,
        diagnosisHold: 0,
      },
    },
  );
  if (!opened.ok) throw new Error(opened.rejection.message);
  const id = opened.incident.id;
  const commands: IncidentCommand[] = [
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
      answers: {
        whatHappened: 'a',
        whyNotDetectedSooner: 'b',
        whyResponseTookSoLong: 'c',
        whatWeChange: 'd',
      },
      followUps: input.followUps,
      requireControl: false,
    },
  ];
  for (const command of input.until === 'resolved' ? commands.slice(0, 2) : commands) {
    const outcome = await handleCommand(deps, id, command);
    if (!outcome.ok) throw new Error(outcome.rejection.message);
  }
  return id;
}
