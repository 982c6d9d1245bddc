import type { App } from '@slack/bolt';
import { possibleDuplicates } from '../../../app/commands/recent-duplicates.js';
import { openMetadata, openSubmissionSchema, openValues, triageAnswers } from '../parse/open-submission.js';
import { duplicateWarningBeforeOpening } from '../views/duplicate-warning.js';
import { OPEN_MODAL, openModal } from '../views/open-modal.js';
import type { ListenerDeps } from './deps.js';
import { failureReply, logFailure, newRef } from './kit/failure.js';

/**
 * The triage modal's submission. A possible duplicate (an open incident with a similar title, or on
 * the same service and recent) is shown first (the modal is re-shown with a warning and a link);
 * submitting again opens a second one deliberately.
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
        const opening = { title: values.title, service: values.service || null };
        const recent = await possibleDuplicates(deps.store, teamId, opening, now, submission.user.id);
        if (recent.length > 0)
          return void (await ack({
            response_action: 'update',
            view: openModal(
              { ...metadata, duplicateAcknowledged: true },
              values,
              duplicateWarningBeforeOpening(recent, opening),
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
