import type { View } from '@slack/types';
import type { ModalMetadata } from '../parse/modal-metadata.js';
import { formModal, textInput } from './form.js';

export const LIFT_HOLD_MODAL = 'hold.lift';
export const ADD_HYPOTHESIS_MODAL = 'hypothesis.add';

export const liftHoldModal = (metadata: ModalMetadata): View =>
  formModal({
    callbackId: LIFT_HOLD_MODAL,
    title: 'Lift diagnosis hold',
    submit: 'Lift hold',
    metadata,
    blocks: [
      textInput({
        blockId: 'text',
        field: 'reason',
        label: 'Why lift the hold early?',
        hint: 'It goes on the timeline and into the postmortem, e.g. "Cause is certain: the 14:02 deploy".',
      }),
    ],
  });

export const addHypothesisModal = (metadata: ModalMetadata): View =>
  formModal({
    callbackId: ADD_HYPOTHESIS_MODAL,
    title: 'Add hypothesis',
    submit: 'Add',
    metadata,
    blocks: [
      textInput({
        blockId: 'text',
        field: 'hypothesis',
        label: 'What do you suspect?',
        hint: 'One cause per hypothesis, so each can be tested and ruled out on its own.',
        multiline: false,
      }),
    ],
  });
