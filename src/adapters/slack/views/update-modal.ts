import type { View } from '@slack/types';
import {
  type Instant,
  type OpenedIncident,
  renderStakeholderUpdate,
  stakeholderUpdateDraft,
  type TimerPolicy,
} from '../../../domain/index.js';
import { formModal, textInput } from './form.js';
import { incidentRef } from './labels.js';

export const UPDATE_MODAL = 'incident.update';
/** "When is the next update?" choices, in minutes; `cadence` leaves it to UPDATE_CADENCE. */
export const NEXT_UPDATE_CHOICES = ['15', '30', '60', '120', 'cadence'] as const;

/**
 * The stakeholder update, prefilled with the domain's honest draft for the incident's stage. The
 * communicator edits it; nothing is sent until they press Post.
 */
export function updateModal(
  metadata: { incidentId: string },
  state: OpenedIncident,
  now: Instant,
  policy: TimerPolicy,
): View {
  const draft = stakeholderUpdateDraft(state, now, policy);
  const text = renderStakeholderUpdate({ ...draft, nextUpdateAt: null }, () => '');
  const options = NEXT_UPDATE_CHOICES.map((choice) => ({
    text: {
      type: 'plain_text' as const,
      text: choice === 'cadence' ? 'As the cadence says' : `In ${choice} minutes`,
    },
    value: choice,
  }));
  return formModal({
    callbackId: UPDATE_MODAL,
    title: `Update on ${incidentRef(state.number)}`,
    submit: 'Post update',
    metadata,
    blocks: [
      textInput({
        blockId: 'text',
        field: 'update',
        label: 'Update for stakeholders',
        hint: 'Drafted from what the incident knows. Say plainly what is not known yet; promise no fix time you were not given.',
        initialValue: text,
      }),
      ...(state.private
        ? [
            {
              type: 'input' as const,
              block_id: 'channel',
              optional: true,
              label: { type: 'plain_text' as const, text: 'Also post to' },
              hint: {
                type: 'plain_text' as const,
                text: 'This incident is private: its updates stay in its channel unless you choose one here.',
              },
              element: { type: 'conversations_select' as const, action_id: 'channel' },
            },
          ]
        : []),
      {
        type: 'input',
        block_id: 'next',
        label: { type: 'plain_text', text: 'Next update' },
        element: {
          type: 'static_select',
          action_id: 'choice',
          options,
          initial_option: options[options.length - 1],
        },
      },
    ],
  });
}
