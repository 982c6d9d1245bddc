import type { KnownBlock, View } from '@slack/types';
import { formModal, textInput } from './form.js';

export const REOPEN_ACTION = 'incident.reopen';
export const REOPEN_MODAL = 'incident.reopen';

/** The button under the resolution message: it came back, so work it again in the same channel. */
export function reopenButton(): KnownBlock {
  return {
    type: 'actions',
    block_id: 'resolution.reopen',
    elements: [
      {
        type: 'button',
        action_id: REOPEN_ACTION,
        text: { type: 'plain_text', text: 'Reopen', emoji: true },
        value: 'reopen',
      },
    ],
  };
}

/** Reopening needs a reason: it goes on the timeline and into the postmortem. */
export const reopenModal = (metadata: { incidentId: string }): View =>
  formModal({
    callbackId: REOPEN_MODAL,
    title: 'Reopen incident',
    submit: 'Reopen',
    metadata,
    blocks: [
      textInput({
        blockId: 'text',
        field: 'reason',
        label: 'Why is it back?',
        hint: 'What people see again, e.g. "Errors returned at 15:10 after the rollback". The escalation clock restarts.',
      }),
    ],
  });
