import type { View } from '@slack/types';
import type { EvidenceMetadata } from '../parse/modal-metadata.js';
import { formModal, textInput } from './form.js';
import { plainText } from './format.js';

export const EVIDENCE_MODAL = 'hypothesis.evidence';

const WORDING: Readonly<
  Record<EvidenceMetadata['status'], { title: string; label: string; submit: string }>
> = {
  ruled_out: { title: 'Rule out hypothesis', label: 'What shows it is not the cause?', submit: 'Rule out' },
  confirmed: { title: 'Confirm hypothesis', label: 'What shows it is the cause?', submit: 'Confirm' },
  withdrawn: {
    title: 'Withdraw confirmation',
    label: 'Why does the confirmation no longer hold?',
    submit: 'Withdraw',
  },
};

/** Asks for the evidence (or the reason) that moves a hypothesis; it goes on the timeline. */
export function evidenceModal(metadata: EvidenceMetadata, hypothesisText: string): View {
  const wording = WORDING[metadata.status];
  return formModal({
    callbackId: EVIDENCE_MODAL,
    title: wording.title,
    submit: wording.submit,
    metadata,
    blocks: [
      { type: 'context', elements: [plainText(hypothesisText, 2000)] },
      textInput({
        blockId: 'text',
        field: metadata.status === 'withdrawn' ? 'reason' : 'evidence',
        label: wording.label,
      }),
    ],
  });
}
