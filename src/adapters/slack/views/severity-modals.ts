import type { View } from '@slack/types';
import type { Severity } from '../../../domain/index.js';
import { formModal, textInput } from './form.js';
import { triageBlocks } from './triage-blocks.js';

export const CLASSIFY_MODAL = 'severity.classify';
export const CHANGE_SEVERITY_MODAL = 'severity.change';

/** The triage questions for an incident opened with its severity pending. */
export const classifyModal = (metadata: { incidentId: string }): View =>
  formModal({
    callbackId: CLASSIFY_MODAL,
    title: 'Classify severity',
    submit: 'Classify',
    metadata,
    blocks: triageBlocks(),
  });

/** A severity change needs a reason: it goes on the timeline and into the postmortem. */
export const changeSeverityModal = (metadata: { incidentId: string; severity: Severity }): View =>
  formModal({
    callbackId: CHANGE_SEVERITY_MODAL,
    title: `Change to ${metadata.severity}`,
    submit: 'Change',
    metadata,
    blocks: [textInput({ blockId: 'text', field: 'reason', label: `Why ${metadata.severity}?` })],
  });
