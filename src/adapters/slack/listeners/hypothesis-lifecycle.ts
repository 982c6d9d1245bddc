import type { App } from '@slack/bolt';
import { z } from 'zod';
import { EVIDENCE_STATUSES, evidenceMetadataSchema } from '../parse/modal-metadata.js';
import { inputText } from '../parse/view-submission.js';
import { EVIDENCE_MODAL, evidenceModal } from '../views/evidence-modal.js';
import { MARK_HYPOTHESIS_ACTION } from '../views/header-work.js';
import type { ListenerDeps } from './deps.js';
import { onBlockAction, UNKNOWN_CONTROL } from './kit/block-action.js';
import { chosen } from './kit/menu.js';
import { onViewSubmission } from './kit/view-submission.js';

const markSchema = z.enum(['testing', ...EVIDENCE_STATUSES]);

/**
 * The menu on each hypothesis in the header: "testing" applies at once; ruling out, confirming and
 * withdrawing ask for the evidence first, in a modal, because the postmortem will want it.
 */
export function registerHypothesisLifecycle(app: App, deps: ListenerDeps): void {
  onBlockAction(app, deps, {
    actionId: MARK_HYPOTHESIS_ACTION,
    locate: 'channel',
    react: ({ payload, incident, userId, now }) => {
      const [mark, hypothesisId] = chosen(payload);
      const status = markSchema.safeParse(mark);
      const hypothesis =
        incident.state.status !== 'none'
          ? incident.state.hypotheses.find((h) => h.id === hypothesisId)
          : undefined;
      if (!status.success || !hypothesis) return { reply: UNKNOWN_CONTROL };
      if (status.data === 'testing')
        return {
          command: {
            type: 'UpdateHypothesis',
            actor: userId,
            now,
            hypothesisId: hypothesis.id,
            status: 'testing',
            evidence: null,
          },
        };
      const metadata = { incidentId: incident.id, hypothesisId: hypothesis.id, status: status.data };
      return { modal: evidenceModal(metadata, hypothesis.text) };
    },
  });

  onViewSubmission(app, deps, {
    callbackId: EVIDENCE_MODAL,
    metadata: evidenceMetadataSchema,
    fallbackBlock: 'text',
    toCommand: ({ submission, metadata, actor, now }) => {
      const text = inputText(submission, 'text');
      const base = { actor, now, hypothesisId: metadata.hypothesisId };
      return {
        command:
          metadata.status === 'withdrawn'
            ? { type: 'WithdrawHypothesis', ...base, reason: text }
            : { type: 'UpdateHypothesis', ...base, status: metadata.status, evidence: text },
      };
    },
  });
}
