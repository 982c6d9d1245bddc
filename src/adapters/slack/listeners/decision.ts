import type { App } from '@slack/bolt';
import { modalMetadataSchema } from '../parse/modal-metadata.js';
import { inputText } from '../parse/view-submission.js';
import { DECISION_MODAL } from '../views/decision-modal.js';
import type { ListenerDeps } from './deps.js';
import { onViewSubmission } from './kit/view-submission.js';

/** The decision modal's submission (opened by `/incident decision`). */
export function registerDecision(app: App, deps: ListenerDeps): void {
  onViewSubmission(app, deps, {
    callbackId: DECISION_MODAL,
    metadata: modalMetadataSchema,
    fallbackBlock: 'what',
    fields: { decisionWhat: 'what', decisionWhy: 'why', wouldChangeOurMind: 'change' },
    toCommand: ({ submission, actor, now, idFor }) => ({
      command: {
        type: 'RecordDecision',
        actor,
        now,
        decisionId: idFor(),
        what: inputText(submission, 'what'),
        why: inputText(submission, 'why'),
        wouldChangeOurMind: inputText(submission, 'change'),
      },
    }),
  });
}
