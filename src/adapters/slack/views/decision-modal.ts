import type { View } from '@slack/types';
import { formModal, textInput } from './form.js';

export const DECISION_MODAL = 'decision.record';

/** A decision as the postmortem wants it: what we chose, why, and what would change our mind. */
export function decisionModal(metadata: { incidentId: string }): View {
  return formModal({
    callbackId: DECISION_MODAL,
    title: 'Record a decision',
    submit: 'Record',
    metadata,
    blocks: [
      textInput({
        blockId: 'what',
        field: 'decisionWhat',
        label: 'What did we choose?',
        hint: 'e.g. Roll back the 14:02 deploy rather than hotfix',
      }),
      textInput({
        blockId: 'why',
        field: 'decisionWhy',
        label: 'Why?',
        hint: 'e.g. Errors began with the deploy, and rollback takes 4 minutes',
      }),
      textInput({
        blockId: 'change',
        field: 'wouldChangeOurMind',
        label: 'What would change our mind?',
        hint: 'e.g. Errors continuing 10 minutes after the rollback',
      }),
    ],
  });
}
