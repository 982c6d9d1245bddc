import type { FailedEffect } from '../../../../app/ports/outbox.js';
import { EFFECT_LABELS } from '../../effects/effect-labels.js';
import { clip, slackDate } from '../../views/format.js';
import { renderStatus } from '../../views/status.js';
import { incidentHere, isAnswer, type SubcommandHandler, say } from './context.js';

/** `status`: the incident's state, privately to the caller, with anything that did not reach Slack. */
export const status: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'status');
  if (isAnswer(incident)) return incident;
  const failures = await context.deps.failures(incident.id, 5);
  return say([renderStatus(incident), ...undelivered(failures)].join('\n'));
};

/** What the bot could not post for this incident, so the commander can say it by hand. */
function undelivered(failures: readonly FailedEffect[]): string[] {
  if (failures.length === 0) return [];
  return [
    ':warning: *Did not reach Slack* (I stopped retrying; post these by hand if they matter):',
    ...failures.map(
      (f) =>
        `• ${EFFECT_LABELS[f.kind]}, ${slackDate(f.failedAt.toISOString(), '{date_short_pretty} {time}')}: ${clip(f.reason, 300)}`,
    ),
  ];
}
