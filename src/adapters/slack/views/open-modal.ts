import type { KnownBlock, View } from '@slack/types';
import { clip, clipMrkdwn } from './format.js';
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
const TITLE_MAX_LENGTH = 150;
const SERVICE_MAX_LENGTH = 80;

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
    {
      type: 'input',
      block_id: 'title',
      label: { type: 'plain_text', text: 'What is broken?' },
      element: {
        type: 'plain_text_input',
        action_id: 'text',
        max_length: TITLE_MAX_LENGTH,
        ...(values ? { initial_value: clip(values.title, TITLE_MAX_LENGTH) } : {}),
        placeholder: { type: 'plain_text', text: 'Checkout errors spiking' },
      },
    },
    {
      type: 'input',
      block_id: 'service',
      optional: true,
      label: { type: 'plain_text', text: 'Affected service' },
      element: {
        type: 'plain_text_input',
        action_id: 'text',
        max_length: SERVICE_MAX_LENGTH,
        ...(values?.service ? { initial_value: clip(values.service, SERVICE_MAX_LENGTH) } : {}),
      },
    },
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
  return {
    type: 'modal',
    callback_id: OPEN_MODAL,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Open an incident' },
    submit: { type: 'plain_text', text: warning ? 'Open anyway' : 'Open' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}
