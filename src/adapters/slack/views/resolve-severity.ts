import type { InputBlock } from '@slack/types';
import { SEVERITIES, type SeverityOrPending } from '../../../domain/index.js';

/** The resolve form's severity input: its block and action ids, read back by the listener. */
export const RESOLVE_SEVERITY_BLOCK = 'severity';
export const RESOLVE_SEVERITY_ACTION = 'choice';

const MEANING = {
  SEV1: 'SEV1: critical outage',
  SEV2: 'SEV2: major disruption',
  SEV3: 'SEV3: partial disruption',
  SEV4: 'SEV4: minor anomaly',
} as const;

/**
 * Only while the severity is pending: an incident is not resolved unclassified (its severity
 * decides its postmortem and its place in the figures), so the form asks for it, required.
 */
export function pendingSeverityBlocks(severity: SeverityOrPending): InputBlock[] {
  if (severity !== 'pending') return [];
  return [
    {
      type: 'input',
      block_id: RESOLVE_SEVERITY_BLOCK,
      label: { type: 'plain_text', text: 'Severity (still pending)' },
      hint: {
        type: 'plain_text',
        text: 'How bad was it at its worst? SEV1 and SEV2 always get a postmortem.',
      },
      element: {
        type: 'static_select',
        action_id: RESOLVE_SEVERITY_ACTION,
        placeholder: { type: 'plain_text', text: 'Choose a severity' },
        options: SEVERITIES.map((value) => ({ value, text: { type: 'plain_text', text: MEANING[value] } })),
      },
    },
  ];
}
