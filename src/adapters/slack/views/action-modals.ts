import type { KnownBlock, View } from '@slack/types';
import type { ActionMetadata } from '../parse/modal-metadata.js';
import { formModal, textInput, userInput } from './form.js';
import { clipMrkdwn, plainText } from './format.js';

export const ADD_ACTION_MODAL = 'action.add';
export const UPDATE_ACTION_MODAL = 'action.update';

/** A new action: what, and who owns it (the person asking, unless they pick someone). */
export const addActionModal = (metadata: { incidentId: string }, actor: string): View =>
  formModal({
    callbackId: ADD_ACTION_MODAL,
    title: 'Add action',
    submit: 'Add',
    metadata,
    blocks: [
      textInput({ blockId: 'text', field: 'action', label: 'What will be done?' }),
      userInput('owner', 'Owner', actor),
    ],
  });

/** Finishing, abandoning or reassigning an action. */
export function updateActionModal(metadata: ActionMetadata, actionText: string): View {
  const context: KnownBlock = {
    type: 'context',
    elements: [plainText(actionText, 2000)],
  };
  const form = (title: string, submit: string, input: KnownBlock) =>
    formModal({ callbackId: UPDATE_ACTION_MODAL, title, submit, metadata, blocks: [context, input] });
  switch (metadata.op) {
    case 'done':
      return form(
        'Action done',
        'Mark done',
        textInput({ blockId: 'text', field: 'outcome', label: 'What happened? (optional)', optional: true }),
      );
    case 'abandon':
      return form(
        'Abandon action',
        'Abandon',
        textInput({ blockId: 'text', field: 'reason', label: 'Why is it abandoned?' }),
      );
    case 'reassign':
      return form('Reassign action', 'Reassign', userInput('owner', 'New owner', null));
  }
}

/** Shown in place of the form when the action was kept as proposed (the diagnosis hold). */
export const noticeView = (title: string, text: string): View => ({
  type: 'modal',
  title: plainText(title, 24),
  close: { type: 'plain_text', text: 'OK' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(text, 3000) } }],
});
