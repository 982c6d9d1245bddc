import type { Button, View } from '@slack/types';
import type { IncidentState } from '../../../domain/index.js';
import { formModal, textInput } from './form.js';

export const SET_SERVICE_ACTION = 'service.set';
export const SERVICE_MODAL = 'service.set';

type Opened = Exclude<IncidentState, { status: 'none' }>;

/** The header's control for the service: name it while unnamed, change it after. None once closed. */
export function serviceButton(state: Opened): Button | null {
  if (state.status === 'closed') return null;
  return {
    type: 'button',
    action_id: SET_SERVICE_ACTION,
    text: { type: 'plain_text', text: state.service ? 'Change service' : 'Name the service', emoji: true },
  };
}

/** One field: the service as people call it (free text, as the triage form asks it). */
export const serviceModal = (metadata: { incidentId: string }, state?: Opened): View =>
  formModal({
    callbackId: SERVICE_MODAL,
    title: 'Affected service',
    submit: 'Save',
    metadata,
    blocks: [
      textInput({
        blockId: 'text',
        field: 'service',
        label: 'Which service is affected?',
        hint: 'As your team calls it, e.g. "checkout". The duplicate check, "it broke before" and the updates read it.',
        multiline: false,
        ...(state?.service ? { initialValue: state.service } : {}),
      }),
    ],
  });
