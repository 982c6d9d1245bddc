import type { KnownBlock } from '@slack/types';
import { DETECTION_LABELS, DETECTION_SOURCES } from '../../../domain/index.js';

export const IMPACT_STARTED_BLOCK = 'impact_started';
export const DETECTED_BY_BLOCK = 'detected_by';
export const DETECTED_LINK_BLOCK = 'detected_link';

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The resolve form's impact window and detection: when customers were first hurt (the opening
 * unless someone knows better; editable) and how the incident came to light, with a link. The
 * postmortem's time to detect, mitigate and resolve are measured from these.
 */
export function impactBlocks(openedAt: string): KnownBlock[] {
  return [
    {
      type: 'input',
      block_id: IMPACT_STARTED_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: 'Customer impact started at' },
      hint: {
        type: 'plain_text',
        text: 'When customers were first affected. It starts at the opening time; move it earlier if errors began before.',
      },
      element: {
        type: 'datetimepicker',
        action_id: 'at',
        // The picker shows whole minutes: the opening's minute.
        initial_date_time: Math.floor(Date.parse(openedAt) / 60_000) * 60,
      },
    },
    {
      type: 'input',
      block_id: DETECTED_BY_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: 'Detected by' },
      element: {
        type: 'static_select',
        action_id: 'source',
        placeholder: { type: 'plain_text', text: 'How did we find out?' },
        options: DETECTION_SOURCES.map((source) => ({
          value: source,
          text: { type: 'plain_text', text: capitalised(DETECTION_LABELS[source]) },
        })),
      },
    },
    {
      type: 'input',
      block_id: DETECTED_LINK_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: 'Link to the alert or report' },
      hint: { type: 'plain_text', text: 'Optional: an https:// link to the alert, ticket or message.' },
      element: { type: 'plain_text_input', action_id: 'text', max_length: 500 },
    },
  ];
}
