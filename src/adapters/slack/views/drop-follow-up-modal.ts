import type { View } from '@slack/types';
import { inline } from './format.js';

export const DROP_FOLLOW_UP_MODAL = 'followup.drop';

/** Dropping a follow-up needs a reason: it shows in the next weekly review. */
export function dropFollowUpModal(metadata: { incidentId: string; followUpId: string }, title: string): View {
  return {
    type: 'modal',
    callback_id: DROP_FOLLOW_UP_MODAL,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Drop follow-up' },
    submit: { type: 'plain_text', text: 'Drop it' },
    close: { type: 'plain_text', text: 'Keep it' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${inline(title, 2000)}*` } },
      {
        type: 'input',
        block_id: 'reason',
        label: { type: 'plain_text', text: 'Why drop it?' },
        hint: { type: 'plain_text', text: 'The weekly review shows dropped follow-ups with this reason.' },
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 1000 },
      },
    ],
  };
}
