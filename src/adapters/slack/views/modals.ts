import type { View } from '@slack/types';

export const LIFT_HOLD_MODAL = 'hold.lift';
export const ADD_HYPOTHESIS_MODAL = 'hypothesis.add';

/** Modals carry the incident they act on, so a submission never guesses from context. */
export interface ModalMetadata {
  readonly incidentId: string;
}

function textModal(
  callbackId: string,
  title: string,
  submit: string,
  metadata: ModalMetadata,
  field: { label: string; hint: string; multiline: boolean },
): View {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'text',
        label: { type: 'plain_text', text: field.label },
        hint: { type: 'plain_text', text: field.hint },
        element: {
          type: 'plain_text_input',
          action_id: 'text',
          multiline: field.multiline,
          max_length: 3000,
        },
      },
    ],
  };
}

export const liftHoldModal = (metadata: ModalMetadata): View =>
  textModal(LIFT_HOLD_MODAL, 'Lift diagnosis hold', 'Lift hold', metadata, {
    label: 'Why lift the hold early?',
    hint: 'It goes on the timeline and into the postmortem, e.g. "Cause is certain: the 14:02 deploy".',
    multiline: true,
  });

export const addHypothesisModal = (metadata: ModalMetadata): View =>
  textModal(ADD_HYPOTHESIS_MODAL, 'Add hypothesis', 'Add', metadata, {
    label: 'What do you suspect?',
    hint: 'One cause per hypothesis, so each can be tested and ruled out on its own.',
    multiline: false,
  });
