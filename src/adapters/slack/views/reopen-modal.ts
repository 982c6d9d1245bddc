import type { KnownBlock, View } from '@slack/types';
import { button, buttonRow } from './buttons.js';
import { formModal, textInput } from './form.js';

export const REOPEN_ACTION = 'incident.reopen';
export const REOPEN_MODAL = 'incident.reopen';

/** The button under the resolution message: it came back, so work it again in the same channel. */
export const reopenButton = (): KnownBlock =>
  buttonRow('resolution.reopen', button(REOPEN_ACTION, 'Reopen', 'reopen'));

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
