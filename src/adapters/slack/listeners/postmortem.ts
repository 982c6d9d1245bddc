import type { App } from '@slack/bolt';
import type { View } from '@slack/types';
import { earlierOnService } from '../../../app/commands/broke-before.js';
import type { StoredIncident } from '../../../app/ports/incident-store.js';
import { permission } from '../../../domain/index.js';
import { modalMetadataSchema } from '../parse/modal-metadata.js';
import { parsePostmortemSubmission } from '../parse/postmortem-submission.js';
import { RECORD_POSTMORTEM_ACTION } from '../views/postmortem-messages.js';
import { POSTMORTEM_MODAL, postmortemModal } from '../views/postmortem-modal.js';
import type { ListenerDeps } from './deps.js';
import { onBlockAction } from './kit/block-action.js';
import { onViewSubmission } from './kit/view-submission.js';

/**
 * The postmortem form for the commander (or anyone while nobody is), once the incident is
 * resolved, listing what broke before on the same service; or why it cannot open.
 */
export async function postmortemForm(
  deps: ListenerDeps,
  incident: StoredIncident,
  userId: string,
): Promise<{ modal: View } | { reply: string }> {
  const state = incident.state;
  if (state.status === 'none') return { reply: 'That incident no longer exists.' };
  if (state.status === 'closed') return { reply: 'The postmortem for this incident is already recorded.' };
  if (state.status !== 'resolved')
    return { reply: 'Resolve the incident first; the postmortem comes after.' };
  const allowed = permission(state, userId, 'record_postmortem');
  if (!allowed.allowed) return { reply: allowed.rejection.message };
  const earlier = await earlierOnService(deps.store, incident, userId);
  const runbook = state.service ? await deps.runbooks.find(incident.teamId, state.service) : null;
  return { modal: postmortemModal({ incidentId: incident.id }, state, earlier, runbook) };
}

/** The postmortem: the button (draft message, header) and the modal's submission. */
export function registerPostmortem(app: App, deps: ListenerDeps): void {
  onBlockAction(app, deps, {
    actionId: RECORD_POSTMORTEM_ACTION,
    locate: 'value-or-channel',
    react: ({ incident, userId }) => postmortemForm(deps, incident, userId),
  });

  onViewSubmission(app, deps, {
    callbackId: POSTMORTEM_MODAL,
    metadata: modalMetadataSchema,
    fallbackBlock: 'answer.whatHappened',
    // The domain says which part is wrong; a problem with the follow-ups goes on the first empty slot.
    fields: (field, { submission }) => {
      if (field.startsWith('answers.')) return `answer.${field.slice('answers.'.length)}`;
      if (field !== 'followUps') return undefined;
      const parsed = parsePostmortemSubmission(submission, () => '');
      const filled = parsed.ok ? parsed.followUps.length : 0;
      return `followup${Math.min(3, filled + 1)}.title`;
    },
    toCommand: ({ submission, actor, now, idFor }) => {
      let slot = 0;
      const submitted = parsePostmortemSubmission(submission, () => idFor(++slot));
      if (!submitted.ok) return { errors: submitted.errors };
      return {
        command: {
          type: 'RecordPostmortem',
          actor,
          now,
          answers: submitted.answers,
          followUps: submitted.followUps,
          // The command core decides this inside the transaction; a form never says.
          requireControl: false,
        },
      };
    },
  });
}
