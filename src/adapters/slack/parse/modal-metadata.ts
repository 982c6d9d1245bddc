import { z } from 'zod';
import { SEVERITIES } from '../../../domain/index.js';

/**
 * What each modal carries in its `private_metadata`, one schema per form: the view writes it, the
 * submission reads it back with the same schema. Slack only returns what we set, but a submission
 * is bound to its origin anyway (the command core checks team, channel and visibility).
 */
export const modalMetadataSchema = z.object({ incidentId: z.string().uuid() });

export const ACTION_OPS = ['done', 'abandon', 'reassign'] as const;
export const actionMetadataSchema = modalMetadataSchema.extend({
  actionId: z.string().min(1),
  op: z.enum(ACTION_OPS),
});

export const EVIDENCE_STATUSES = ['ruled_out', 'confirmed', 'withdrawn'] as const;
export const evidenceMetadataSchema = modalMetadataSchema.extend({
  hypothesisId: z.string().min(1),
  status: z.enum(EVIDENCE_STATUSES),
});

export const dropFollowUpMetadataSchema = modalMetadataSchema.extend({ followUpId: z.string().min(1) });

export const severityMetadataSchema = modalMetadataSchema.extend({ severity: z.enum(SEVERITIES) });

export type ModalMetadata = z.output<typeof modalMetadataSchema>;
export type ActionMetadata = z.output<typeof actionMetadataSchema>;
export type EvidenceMetadata = z.output<typeof evidenceMetadataSchema>;
