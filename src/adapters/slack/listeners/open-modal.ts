import type { App } from '@slack/bolt';
import type { StoredIncident } from '../../../app/ports/incident-store.js';
import { openMetadata, openSubmissionSchema, openValues, triageAnswers } from '../parse/open-submission.js';
import { incidentRef } from '../views/labels.js';
import { OPEN_MODAL, openModal } from '../views/open-modal.js';
import type { ListenerDeps } from './deps.js';

/** An open incident on the same service this recent is probably the same problem. */
export const DUPLICATE_WINDOW_MS = 30 * 60_000;

/**
 * The triage modal's submission. A recent open incident on the same service is shown first (the
 * modal is re-shown with a warning and a link); submitting again opens a second one deliberately.
 */
export function registerOpenModal(app: App, deps: ListenerDeps): void {
  app.view(OPEN_MODAL, async ({ body, ack }) => {
    const parsed = openSubmissionSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues }, 'open modal submission did not parse');
      await ack({
        response_action: 'errors',
        errors: { title: 'Sorry, I could not read this form. Close it and try again.' },
      });
      return;
    }
    const submission = parsed.data;
    const metadata = openMetadata(submission);
    const values = openValues(submission);
    const triage = triageAnswers(values);
    if (!triage) {
      await ack({
        response_action: 'errors',
        errors: { 'triage.customerImpact': 'Please answer every triage question.' },
      });
      return;
    }
    const teamId = submission.team?.id ?? submission.user.team_id ?? '';
    const now = deps.clock.now();
    if (values.service.trim() && !metadata.duplicateAcknowledged) {
      const recent = await recentOnService(deps, teamId, values.service, now);
      if (recent.length > 0) {
        await ack({
          response_action: 'update',
          view: openModal(
            { ...metadata, duplicateAcknowledged: true },
            values,
            duplicateWarning(recent, values.service),
          ),
        });
        return;
      }
    }
    const outcome = await deps.openIncident({
      teamId,
      responseUrl: null,
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
    if (!outcome.ok) await ack({ response_action: 'errors', errors: { title: outcome.rejection.message } });
    else await ack();
  });
}

async function recentOnService(
  deps: ListenerDeps,
  teamId: string,
  service: string,
  now: Date,
): Promise<StoredIncident[]> {
  const open = await deps.store.listOpen(teamId, 100);
  const wanted = service.trim().toLowerCase();
  return open.filter(
    (i) =>
      i.state.status !== 'none' &&
      !i.state.private &&
      i.state.service?.toLowerCase() === wanted &&
      now.getTime() - Date.parse(i.state.openedAt) < DUPLICATE_WINDOW_MS,
  );
}

function duplicateWarning(recent: readonly StoredIncident[], service: string): string {
  const list = recent
    .map((i) => `*${incidentRef(i.number)}*${i.channelId ? ` <#${i.channelId}>` : ''}`)
    .join(', ');
  return `:warning: ${list} on *${service}* opened in the last 30 minutes and is still open. If it is the same problem, join it there. If this is different, press *Open anyway*.`;
}
