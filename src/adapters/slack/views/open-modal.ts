import type { KnownBlock, View } from '@slack/types';
import { formModal, textInput } from './form.js';
import { clipMrkdwn } from './format.js';
import { triageBlocks } from './triage-blocks.js';

export const OPEN_MODAL = 'incident.open';

export interface OpenModalMetadata {
  /** Where `/incident open` was typed, for the confirmation. */
  readonly channel: string;
  /** The person has seen the warning about a recent incident on the same service and goes ahead. */
  readonly duplicateAcknowledged: boolean;
}

export interface OpenModalValues {
  readonly title: string;
  readonly service: string;
  readonly answers: Readonly<Record<string, string>>;
  readonly flags: readonly ('private' | 'drill')[];
}

/** The inputs' limits; a re-shown form's values are cut to them, or Slack refuses the form. */

const FLAG_OPTIONS = [
  { value: 'private', text: 'Private (security): private channel, never announced' },
  { value: 'drill', text: 'Drill: practice, labelled as such, left out of the figures' },
] as const;

/** `/incident open` without a title: title, service, the triage questions, private and drill. */
export function openModal(metadata: OpenModalMetadata, values?: OpenModalValues, warning?: string): View {
  const option = (value: string, text: string) => ({ value, text: { type: 'plain_text' as const, text } });
  const blocks: KnownBlock[] = [
    ...(warning
      ? [
          {
            type: 'section' as const,
            block_id: 'warning',
            text: { type: 'mrkdwn' as const, text: clipMrkdwn(warning, 3000) },
          },
        ]
      : []),
    textInput({
      blockId: 'title',
      field: 'title',
      label: 'What is broken?',
      hint: 'In a few words, e.g. "Checkout errors spiking".',
      multiline: false,
      ...(values ? { initialValue: values.title } : {}),
    }),
    textInput({
      blockId: 'service',
      field: 'service',
      label: 'Affected service',
      optional: true,
      multiline: false,
      ...(values?.service ? { initialValue: values.service } : {}),
    }),
    ...triageBlocks(values?.answers),
    {
      type: 'input',
      block_id: 'flags',
      optional: true,
      label: { type: 'plain_text', text: 'Kind' },
      element: {
        type: 'checkboxes',
        action_id: 'flags',
        options: FLAG_OPTIONS.map((f) => option(f.value, f.text)),
        ...(values && values.flags.length > 0
          ? {
              initial_options: FLAG_OPTIONS.filter((f) => values.flags.includes(f.value)).map((f) =>
                option(f.value, f.text),
              ),
            }
          : {}),
      },
    },
  ];
  return formModal({
    callbackId: OPEN_MODAL,
    title: 'Open an incident',
    submit: warning ? 'Open anyway' : 'Open',
    metadata,
    blocks,
  });
}
