import type { App } from '@slack/bolt';
import { recentOnService } from '../../../app/commands/recent-duplicates.js';
import type { StoredIncident } from '../../../app/ports/incident-store.js';
import { DUPLICATE_WINDOW_MS, TEXT_LIMITS } from '../../../domain/index.js';
import { openMetadata, openSubmissionSchema, openValues, triageAnswers } from '../parse/open-submission.js';
import { channelMention, inline } from '../views/format.js';
import { incidentRef } from '../views/labels.js';
import { OPEN_MODAL, openModal } from '../views/open-modal.js';
import type { ListenerDeps } from './deps.js';
import { failureReply, logFailure, newRef } from './kit/failure.js';

/**
 * The triage modal's submission. A recent open incident on the same service is shown first (the
 * modal is re-shown with a warning and a link); submitting again opens a second one deliberately.
 */
export function registerOpenModal(app: App, deps: ListenerDeps): void {
  app.view(OPEN_MODAL, async ({ body, ack }) => {
    const parsed = openSubmissionSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues }, 'open modal submission did not parse');
      return void (await ack({
        response_action: 'errors',
        errors: { title: 'Sorry, I could not read this form. Close it and try again.' },
      }));
    }
    const submission = parsed.data;
    const metadata = openMetadata(submission);
    const values = openValues(submission);
    const triage = triageAnswers(values);
    if (!triage)
      return void (await ack({
        response_action: 'errors',
        errors: { 'triage.customerImpact': 'Please answer every triage question.' },
      }));
    const teamId = submission.team?.id ?? submission.user.team_id ?? '';
    const now = deps.clock.now();
    const ref = newRef();
    try {
      if (!metadata.duplicateAcknowledged) {
        const recent = await recentOnService(deps.store, teamId, values.service, now);
        if (recent.length > 0)
          return void (await ack({
            response_action: 'update',
            view: openModal(
              { ...metadata, duplicateAcknowledged: true },
              values,
              duplicateWarning(recent, values.service),
            ),
          }));
      }
      const outcome = await deps.commands.open({
        teamId,
        command: {
          type: 'OpenIncident',
          actor: submission.user.id,
          now: now.toISOString(),
          title: values.title,
          service: values.service || null,
          severity: null,
          triage,
          private: values.flags.includes('private'),
          drill: values.flags.includes('drill'),
          diagnosisHold: deps.config.timing.diagnosisHold,
        },
      });
      if (outcome.ok) return void (await ack());
      const block = outcome.rejection.field === 'service' ? 'service' : 'title';
      await ack({ response_action: 'errors', errors: { [block]: outcome.rejection.message } });
    } catch (error) {
      logFailure(deps.logger, error, ref, {
        what: 'opening an incident',
        teamId,
        userId: submission.user.id,
      });
      await ack({ response_action: 'errors', errors: { title: failureReply(error, ref) } });
    }
  });
}

function duplicateWarning(recent: readonly StoredIncident[], service: string): string {
  const list = recent
    .map((i) => `*${incidentRef(i.number)}*${i.channelId ? ` ${channelMention(i.channelId)}` : ''}`)
    .join(', ');
  const minutes = DUPLICATE_WINDOW_MS / 60_000;
  return `:warning: ${list} on *${inline(service, TEXT_LIMITS.service)}* opened in the last ${minutes} minutes and is still open. If it is the same problem, join it there. If this is different, press *Open anyway*.`;
}
