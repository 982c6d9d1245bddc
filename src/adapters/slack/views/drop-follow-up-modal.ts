import type { View } from '@slack/types';
import { formModal, textInput } from './form.js';
import { inline } from './format.js';

export const DROP_FOLLOW_UP_MODAL = 'followup.drop';

/** Dropping a follow-up needs a reason: it shows in the next weekly review. */
export function dropFollowUpModal(metadata: { incidentId: string; followUpId: string }, title: string): View {
  return formModal({
    callbackId: DROP_FOLLOW_UP_MODAL,
    title: 'Drop follow-up',
    submit: 'Drop it',
    close: 'Keep it',
    metadata,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${inline(title, 2000)}*` } },
      textInput({
        blockId: 'reason',
        field: 'reason',
        label: 'Why drop it?',
        hint: 'The weekly review shows dropped follow-ups with this reason.',
      }),
    ],
  });
}
