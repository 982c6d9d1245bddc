import type { RespondFn } from '@slack/bolt';
import type { SlashCommand } from '../parse/slash-command.js';
import type { ListenerDeps } from './deps.js';
import { replyPrivately } from './reply.js';

/**
 * `/incident open <title>`: opens at once with severity pending triage. The channel, the header and
 * the confirmation to the reporter follow from the outbox after commit.
 */
export async function openFromSlashCommand(
  deps: ListenerDeps,
  command: SlashCommand,
  title: string,
  respond: RespondFn,
): Promise<void> {
  const outcome = await deps.openIncident({
    teamId: command.team_id,
    responseUrl: command.response_url,
    command: {
      type: 'OpenIncident',
      actor: command.user_id,
      now: deps.clock.now().toISOString(),
      title,
      service: null,
      severity: null,
      private: false,
      drill: false,
      diagnosisHold: deps.config.timing.diagnosisHold,
    },
  });
  if (!outcome.ok) {
    await replyPrivately(respond, outcome.rejection.message, deps.logger);
    return;
  }
  deps.logger.info({ incidentId: outcome.incident.id, number: outcome.incident.number }, 'incident opened');
}
