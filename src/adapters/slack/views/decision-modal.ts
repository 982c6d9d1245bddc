import type { View } from '@slack/types';

export const DECISION_MODAL = 'decision.record';

const field = (blockId: string, label: string, hint: string) => ({
  type: 'input' as const,
  block_id: blockId,
  label: { type: 'plain_text' as const, text: label },
  hint: { type: 'plain_text' as const, text: hint },
  element: { type: 'plain_text_input' as const, action_id: 'text', multiline: true, max_length: 3000 },
});

/** A decision as the postmortem wants it: what we chose, why, and what would change our mind. */
export function decisionModal(metadata: { incidentId: string }): View {
  return {
    type: 'modal',
    callback_id: DECISION_MODAL,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Record a decision' },
    submit: { type: 'plain_text', text: 'Record' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      field('what', 'What did we choose?', 'e.g. Roll back the 14:02 deploy rather than hotfix'),
      field('why', 'Why?', 'e.g. Errors began with the deploy, and rollback takes 4 minutes'),
      field('change', 'What would change our mind?', 'e.g. Errors continuing 10 minutes after the rollback'),
    ],
  };
}
