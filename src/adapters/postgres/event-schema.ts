import { z } from 'zod';
import type { IncidentEvent } from '../../domain/index.js';
import {
  count,
  followUpInputSchema,
  instant,
  openStatus,
  postmortemAnswersSchema,
  role,
  severity,
  severityOrPending,
  triageAnswersSchema,
  userId,
} from './stored-values.js';
import type { Assert, Disagreeing, NoneDisagree, SameShape } from './type-agreement.js';

/*
 * Unknown keys are stripped, as in the snapshot (state-schema.ts): an event a newer build wrote
 * with an extra field still reads, as the event this build knows. That matters more here than for
 * the snapshot: events are the source of truth, so an event refused is an incident that cannot be
 * rebuilt. An unknown event *type* is still refused: this build cannot fold what it cannot name.
 * Unlike the snapshot, keys of other event types are not refused: events are appended, never
 * edited in place, so a changed `type` is unlikely, while a newer build adding a field whose name
 * another event already uses (`reason`, `note`) is not.
 */

/** `EventBase`: when it happened and who made it happen. */
const base = { at: instant, by: userId };
/** `Authorised`: acted as commander, or while nobody held the role. */
const authorised = { asCommander: z.boolean() };

const nullableText = z.string().nullable();

const incidentOpened = z.object({
  type: z.literal('IncidentOpened'),
  ...base,
  number: z.number().int(),
  title: z.string(),
  service: nullableText,
  severity: severityOrPending,
  private: z.boolean(),
  drill: z.boolean(),
  reporter: userId,
  holdEndsAt: instant.nullable(),
  // Optional, as in `IncidentOpened`: the domain always writes it, but the type allows it absent.
  triage: triageAnswersSchema.nullable().optional(),
});

const roleAssigned = z.object({
  type: z.literal('RoleAssigned'),
  ...base,
  role,
  userId,
  previous: userId.nullable(),
  via: z.enum(['took', 'assigned', 'handed_off']),
});
const roleReleased = z.object({ type: z.literal('RoleReleased'), ...base, role, userId });

const severityChanged = z.object({
  type: z.literal('SeverityChanged'),
  ...base,
  ...authorised,
  from: severityOrPending,
  to: severity,
  reason: z.string(),
  triage: triageAnswersSchema.nullable(),
});
const holdLifted = z.object({
  type: z.literal('HoldLifted'),
  ...base,
  ...authorised,
  reason: z.string(),
  endsAt: instant,
});
const holdEnded = z.object({ type: z.literal('HoldEnded'), ...base });

const hypothesisProposed = z.object({
  type: z.literal('HypothesisProposed'),
  ...base,
  hypothesisId: z.string(),
  text: z.string(),
});
const hypothesisUpdated = z.object({
  type: z.literal('HypothesisUpdated'),
  ...base,
  hypothesisId: z.string(),
  status: z.enum(['testing', 'ruled_out', 'confirmed']),
  evidence: nullableText,
});
const hypothesisWithdrawn = z.object({
  type: z.literal('HypothesisWithdrawn'),
  ...base,
  hypothesisId: z.string(),
  reason: z.string(),
});

/** `ActionFacts`. */
const actionFacts = { actionId: z.string(), text: z.string(), owner: userId, hypothesisId: nullableText };
const actionProposed = z.object({
  type: z.literal('ActionProposed'),
  ...base,
  ...actionFacts,
  holdEndsAt: instant,
});
const actionStarted = z.object({
  type: z.literal('ActionStarted'),
  ...base,
  ...actionFacts,
  wasProposed: z.boolean(),
});
const actionCompleted = z.object({
  type: z.literal('ActionCompleted'),
  ...base,
  actionId: z.string(),
  outcome: nullableText,
});
const actionAbandoned = z.object({
  type: z.literal('ActionAbandoned'),
  ...base,
  actionId: z.string(),
  reason: z.string(),
});
const actionReassigned = z.object({
  type: z.literal('ActionReassigned'),
  ...base,
  actionId: z.string(),
  from: userId,
  to: userId,
});

const decisionRecorded = z.object({
  type: z.literal('DecisionRecorded'),
  ...base,
  decisionId: z.string(),
  what: z.string(),
  why: z.string(),
  wouldChangeOurMind: z.string(),
});
const noteAdded = z.object({ type: z.literal('NoteAdded'), ...base, text: z.string() });
const messageCaptured = z.object({
  type: z.literal('MessageCaptured'),
  ...base,
  channel: z.string(),
  ts: z.string(),
  author: userId,
  text: z.string(),
  postedAt: instant,
});

const statusChanged = z.object({
  type: z.literal('StatusChanged'),
  ...base,
  from: openStatus,
  to: openStatus,
  note: nullableText,
});
const incidentEscalated = z.object({ type: z.literal('IncidentEscalated'), ...base, openForMs: count });

const stakeholderUpdatePosted = z.object({
  type: z.literal('StakeholderUpdatePosted'),
  ...base,
  text: z.string(),
  nextUpdateBy: instant.nullable(),
  expectedResolution: nullableText,
  // Optional: the domain writes the key only when a channel was chosen, and events stored before
  // the field existed have none.
  alsoPostedTo: nullableText.optional(),
});
const updateNudged = z.object({ type: z.literal('UpdateNudged'), ...base, recipient: userId.nullable() });
const updateNudgeSnoozed = z.object({ type: z.literal('UpdateNudgeSnoozed'), ...base, until: instant });

const incidentResolved = z.object({
  type: z.literal('IncidentResolved'),
  ...base,
  ...authorised,
  summary: z.string(),
  impactEndedAt: instant.nullable(),
  postmortemRequired: z.boolean(),
});
const incidentReopened = z.object({ type: z.literal('IncidentReopened'), ...base, reason: z.string() });

const postmortemReminded = z.object({
  type: z.literal('PostmortemReminded'),
  ...base,
  n: count,
  overdue: z.boolean(),
  toExec: z.boolean(),
  recipient: userId.nullable(),
});
const postmortemRecorded = z.object({
  type: z.literal('PostmortemRecorded'),
  ...base,
  ...authorised,
  answers: postmortemAnswersSchema,
  followUps: z.array(followUpInputSchema),
});
const followUpReminded = z.object({
  type: z.literal('FollowUpReminded'),
  ...base,
  followUpId: z.string(),
  which: z.enum(['before', 'overdue']),
});
const followUpCompleted = z.object({ type: z.literal('FollowUpCompleted'), ...base, followUpId: z.string() });
const followUpDropped = z.object({
  type: z.literal('FollowUpDropped'),
  ...base,
  followUpId: z.string(),
  reason: z.string(),
});

/**
 * The JSON shape of every `IncidentEvent`, as stored in `incident_events.payload`: a union on
 * `type`, so each payload is checked against its own event's fields.
 */
export const incidentEventSchema = z.discriminatedUnion('type', [
  incidentOpened,
  roleAssigned,
  roleReleased,
  severityChanged,
  holdLifted,
  holdEnded,
  hypothesisProposed,
  hypothesisUpdated,
  hypothesisWithdrawn,
  actionProposed,
  actionStarted,
  actionCompleted,
  actionAbandoned,
  actionReassigned,
  decisionRecorded,
  noteAdded,
  messageCaptured,
  statusChanged,
  incidentEscalated,
  stakeholderUpdatePosted,
  updateNudged,
  updateNudgeSnoozed,
  incidentResolved,
  incidentReopened,
  postmortemReminded,
  postmortemRecorded,
  followUpReminded,
  followUpCompleted,
  followUpDropped,
]);

/**
 * A stored event payload as the domain's event, or null when it is not one (damaged, or an event
 * type this build does not know). Takes the decoded JSON (`pg` decodes `jsonb`). For why it was
 * refused, call `incidentEventSchema.safeParse` and read the issues.
 */
export function parseStoredEvent(json: unknown): IncidentEvent | null {
  const parsed = incidentEventSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

type Parsed = z.output<typeof incidentEventSchema>;

/**
 * Fails the typecheck when an event's schema and its domain type describe different JSON, and names
 * the event. Exported only so that it is not an unused local.
 */
export type EventSchemaAgreesPerType = NoneDisagree<Disagreeing<Parsed, IncidentEvent, 'type'>>;

/** The whole union agrees too: no event type on one side only. */
export type EventSchemaAgrees = Assert<SameShape<Parsed, IncidentEvent>>;
