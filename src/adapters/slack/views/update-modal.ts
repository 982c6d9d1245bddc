import type { View } from '@slack/types';
import {
  type Instant,
  type OpenedIncident,
  stakeholderUpdateDraft,
  type TimerPolicy,
  updateClosing,
} from '../../../domain/index.js';
import { formModal, textInput } from './form.js';
import { contextLine, escapeMrkdwn } from './format.js';
import { incidentRef } from './labels.js';
import { timeWords } from './time-words.js';

export const UPDATE_MODAL = 'incident.update';
/** "When is the next update?" choices, in minutes; `cadence` leaves it to UPDATE_CADENCE. */
export const NEXT_UPDATE_CHOICES = ['15', '30', '60', '120', 'cadence'] as const;

/**
 * The stakeholder update, prefilled with the domain's honest draft for the incident's stage. The
 * communicator edits it; nothing is sent until they press Post. The promise it ends with (the
 * estimate, if given, and the next update's time) is added on posting, from the fields below the
 * text, so the words and the timer that keeps the promise can never disagree.
 */
export function updateModal(
  metadata: { incidentId: string },
  state: OpenedIncident,
  now: Instant,
  policy: TimerPolicy,
  zone: string,
): View {
  const words = timeWords(zone, now);
  const draft = stakeholderUpdateDraft(state, now, policy, words);
  const resolved = draft.stage === 'resolved';
  const options = NEXT_UPDATE_CHOICES.map((choice) => ({
    text: {
      type: 'plain_text' as const,
      text: choice === 'cadence' ? 'As the cadence says' : `In ${choice} minutes`,
    },
    value: choice,
  }));
  const cadenceEnding = updateClosing(
    draft.stage,
    { expectedResolution: null, nextUpdateAt: draft.nextUpdateAt },
    words,
  );
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
        initialValue: draft.body,
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
      ...(resolved
        ? []
        : [
            textInput({
              blockId: 'expected',
              field: 'expectedResolution',
              label: 'Expected resolution',
              hint: 'Only if the commander gives one, e.g. "by 16:00 UTC". Left empty, the update names no time.',
              optional: true,
              multiline: false,
            }),
            {
              type: 'input' as const,
              block_id: 'next',
              label: { type: 'plain_text' as const, text: 'Next update' },
              element: {
                type: 'static_select' as const,
                action_id: 'choice',
                options,
                initial_option: options[options.length - 1],
              },
            },
            contextLine(
              `The update ends with the estimate, if you give one, and when the next update comes. As the cadence says, it ends: _${escapeMrkdwn(cadenceEnding)}_`,
            ),
          ]),
    ],
  });
}
