import type { ModalView, View } from '@slack/types';
import type { Severity } from '../../../domain/index.js';
import { plainText } from './format.js';
import { triageBlocks } from './triage-blocks.js';

export const CLASSIFY_MODAL = 'severity.classify';
export const CHANGE_SEVERITY_MODAL = 'severity.change';

const frame = (
  callbackId: string,
  title: string,
  submit: string,
  metadata: object,
): Omit<ModalView, 'blocks'> => ({
  type: 'modal',
  callback_id: callbackId,
  private_metadata: JSON.stringify(metadata),
  title: plainText(title, 24),
  submit: plainText(submit, 24),
  close: { type: 'plain_text', text: 'Cancel' },
});

/** The triage questions for an incident opened with its severity pending. */
export const classifyModal = (metadata: { incidentId: string }): View => ({
  ...frame(CLASSIFY_MODAL, 'Classify severity', 'Classify', metadata),
  blocks: triageBlocks(),
});

/** A severity change needs a reason: it goes on the timeline and into the postmortem. */
export const changeSeverityModal = (metadata: { incidentId: string; severity: Severity }): View => ({
  ...frame(CHANGE_SEVERITY_MODAL, `Change to ${metadata.severity}`, 'Change', metadata),
  blocks: [
    {
      type: 'input',
      block_id: 'text',
      label: { type: 'plain_text', text: `Why ${metadata.severity}?` },
      element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 3000 },
    },
  ],
});
