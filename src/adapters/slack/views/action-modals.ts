import type { KnownBlock, View } from '@slack/types';
import { clipMrkdwn, plainText } from './format.js';

export const ADD_ACTION_MODAL = 'action.add';
export const UPDATE_ACTION_MODAL = 'action.update';

export type ActionOp = 'done' | 'abandon' | 'reassign';

export interface ActionMetadata {
  readonly incidentId: string;
  readonly actionId: string;
  readonly op: ActionOp;
}

const modal = (
  callbackId: string,
  title: string,
  submit: string,
  metadata: object,
  blocks: KnownBlock[],
): View => ({
  type: 'modal',
  callback_id: callbackId,
  private_metadata: JSON.stringify(metadata),
  title: plainText(title, 24),
  submit: plainText(submit, 24),
  close: { type: 'plain_text', text: 'Cancel' },
  blocks,
});

const textInput = (blockId: string, label: string, optional: boolean): KnownBlock => ({
  type: 'input',
  block_id: blockId,
  optional,
  label: { type: 'plain_text', text: label },
  element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 3000 },
});

const ownerInput = (label: string, initialUser: string | null): KnownBlock => ({
  type: 'input',
  block_id: 'owner',
  label: { type: 'plain_text', text: label },
  element: { type: 'users_select', action_id: 'user', ...(initialUser ? { initial_user: initialUser } : {}) },
});

/** A new action: what, and who owns it (the person asking, unless they pick someone). */
export const addActionModal = (metadata: { incidentId: string }, actor: string): View =>
  modal(ADD_ACTION_MODAL, 'Add action', 'Add', metadata, [
    textInput('text', 'What will be done?', false),
    ownerInput('Owner', actor),
  ]);

/** Finishing, abandoning or reassigning an action. */
export function updateActionModal(metadata: ActionMetadata, actionText: string): View {
  const context: KnownBlock = {
    type: 'context',
    elements: [plainText(actionText, 2000)],
  };
  switch (metadata.op) {
    case 'done':
      return modal(UPDATE_ACTION_MODAL, 'Action done', 'Mark done', metadata, [
        context,
        textInput('text', 'What happened? (optional)', true),
      ]);
    case 'abandon':
      return modal(UPDATE_ACTION_MODAL, 'Abandon action', 'Abandon', metadata, [
        context,
        textInput('text', 'Why is it abandoned?', false),
      ]);
    case 'reassign':
      return modal(UPDATE_ACTION_MODAL, 'Reassign action', 'Reassign', metadata, [
        context,
        ownerInput('New owner', null),
      ]);
  }
}

/** Shown in place of the form when the action was kept as proposed (the diagnosis hold). */
export const noticeView = (title: string, text: string): View => ({
  type: 'modal',
  title: plainText(title, 24),
  close: { type: 'plain_text', text: 'OK' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(text, 3000) } }],
});
