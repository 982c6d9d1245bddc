import type { ActionsBlock, Button } from '@slack/types';

/** A button the bot puts under a message or on the header. */
export function button(actionId: string, text: string, value: string, primary = false): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text, emoji: true },
    value,
    ...(primary ? { style: 'primary' as const } : {}),
  };
}

/** A row of buttons under a message. */
export const buttonRow = (blockId: string, ...buttons: Button[]): ActionsBlock => ({
  type: 'actions',
  block_id: blockId,
  elements: buttons,
});

/** The action id of *Draft the update*: it opens the stakeholder update draft for the incident. */
export const DRAFT_UPDATE_ACTION = 'update.draft';

/** *Draft the update*, wherever someone is asked to tell stakeholders (a nudge, a new stage). */
export const draftUpdateButton = (): Button => button(DRAFT_UPDATE_ACTION, 'Draft the update', 'draft', true);
