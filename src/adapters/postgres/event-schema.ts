import { z } from 'zod';
import type { IncidentEvent } from '../../domain/index.js';
import {
  count,
  detectionSchema,
  escalationAudience,
  followUpInputSchema,
  instant,
  openStatus,
  parsedOrNull,
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
/** An event's schema: its type, when and who (`EventBase`), and its own facts. */
const event = <T extends string, F extends z.ZodRawShape>(type: T, facts: F) =>
  z.object({ type: z.literal(type), ...base, ...facts });
/** `Authorised`: acted as commander, or while nobody held the role. */
const authorised = { asCommander: z.boolean() };

const nullableText = z.string().nullable();

const incidentOpened = event('IncidentOpened', {
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

const roleAssigned = event('RoleAssigned', {
  role,
  userId,
  previous: userId.nullable(),
  via: z.enum(['took', 'assigned', 'handed_off']),
});
const roleReleased = event('RoleReleased', { role, userId });

const severityChanged = event('SeverityChanged', {
  ...authorised,
  from: severityOrPending,
  to: severity,
  reason: z.string(),
  triage: triageAnswersSchema.nullable(),
});
const holdLifted = event('HoldLifted', {
  ...authorised,
  reason: z.string(),
  endsAt: instant,
});
const holdEnded = event('HoldEnded', {});

const hypothesisProposed = event('HypothesisProposed', {
  hypothesisId: z.string(),
  text: z.string(),
});
const hypothesisUpdated = event('HypothesisUpdated', {
  hypothesisId: z.string(),
  status: z.enum(['testing', 'ruled_out', 'confirmed']),
  evidence: nullableText,
});
const hypothesisWithdrawn = event('HypothesisWithdrawn', {
  hypothesisId: z.string(),
  reason: z.string(),
});

/** `ActionFacts`. */
const actionFacts = { actionId: z.string(), text: z.string(), owner: userId, hypothesisId: nullableText };
const actionProposed = event('ActionProposed', {
  ...actionFacts,
  holdEndsAt: instant,
});
const actionStarted = event('ActionStarted', {
  ...actionFacts,
  wasProposed: z.boolean(),
});
const actionCompleted = event('ActionCompleted', {
  actionId: z.string(),
  outcome: nullableText,
});
const actionAbandoned = event('ActionAbandoned', {
  actionId: z.string(),
  reason: z.string(),
});
const actionReassigned = event('ActionReassigned', {
  actionId: z.string(),
  from: userId,
  to: userId,
});

const decisionRecorded = event('DecisionRecorded', {
  decisionId: z.string(),
  what: z.string(),
  why: z.string(),
  wouldChangeOurMind: z.string(),
});
const noteAdded = event('NoteAdded', { text: z.string() });
const messageCaptured = event('MessageCaptured', {
  channel: z.string(),
  ts: z.string(),
  author: userId,
  text: z.string(),
  postedAt: instant,
});

const statusChanged = event('StatusChanged', {
  from: openStatus,
  to: openStatus,
  note: nullableText,
});
const incidentEscalated = event('IncidentEscalated', {
  openForMs: count,
  // Optional: events stored before the escalation policy told both audiences and had no reason.
  audiences: z.array(escalationAudience).optional(),
  reason: nullableText.optional(),
  beyondPolicy: z.boolean().optional(),
});

const stakeholderUpdatePosted = event('StakeholderUpdatePosted', {
  text: z.string(),
  nextUpdateBy: instant.nullable(),
  expectedResolution: nullableText,
  // Optional: the domain writes the key only when a channel was chosen, and events stored before
  // the field existed have none.
  alsoPostedTo: nullableText.optional(),
});
const updateNudged = event('UpdateNudged', { recipient: userId.nullable() });
const updateNudgeSnoozed = event('UpdateNudgeSnoozed', { until: instant });

const incidentResolved = event('IncidentResolved', {
  ...authorised,
  summary: z.string(),
  impactEndedAt: instant.nullable(),
  postmortemRequired: z.boolean(),
  // Optional: resolutions stored before the impact window was asked for have neither.
  impactStartedAt: instant.nullable().optional(),
  detection: detectionSchema.nullable().optional(),
});
const incidentReopened = event('IncidentReopened', { reason: z.string() });
const serviceSet = event('ServiceSet', { ...authorised, from: nullableText, to: z.string() });
const commanderNudged = event('CommanderNudged', {});

const postmortemReminded = event('PostmortemReminded', {
  n: count,
  overdue: z.boolean(),
  toExec: z.boolean(),
  recipient: userId.nullable(),
});
const postmortemRecorded = event('PostmortemRecorded', {
  ...authorised,
  answers: postmortemAnswersSchema,
  followUps: z.array(followUpInputSchema),
});
const followUpReminded = event('FollowUpReminded', {
  followUpId: z.string(),
  which: z.enum(['before', 'overdue']),
});
const followUpCompleted = event('FollowUpCompleted', { followUpId: z.string() });
const followUpDropped = event('FollowUpDropped', {
  followUpId: z.string(),
  reason: z.string(),
});

const postmortemExported = event('PostmortemExported', { channel: z.string() });

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
  serviceSet,
  commanderNudged,
  postmortemReminded,
  postmortemRecorded,
  followUpReminded,
  followUpCompleted,
  followUpDropped,
  postmortemExported,
]);

/**
 * A stored event payload as the domain's event, or null when it is not one (damaged, or an event
 * type this build does not know). Takes the decoded JSON (`pg` decodes `jsonb`). For why it was
 * refused, call `incidentEventSchema.safeParse` and read the issues.
 */
export const parseStoredEvent = (json: unknown): IncidentEvent | null =>
  parsedOrNull(incidentEventSchema, json);

type Parsed = z.output<typeof incidentEventSchema>;

/**
 * Fails the typecheck when an event's schema and its domain type describe different JSON, and names
 * the event. Exported only so that it is not an unused local.
 */
export type EventSchemaAgreesPerType = NoneDisagree<Disagreeing<Parsed, IncidentEvent, 'type'>>;

/** The whole union agrees too: no event type on one side only. */
export type EventSchemaAgrees = Assert<SameShape<Parsed, IncidentEvent>>;
