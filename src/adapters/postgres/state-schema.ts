import { z } from 'zod';
import type { IncidentState } from '../../domain/index.js';
import {
  count,
  detectionSchema,
  escalationAudience,
  followUpInputSchema,
  instant,
  openStatus,
  parsedOrNull,
  postmortemAnswersSchema,
  severityOrPending,
  triageAnswersSchema,
  userId,
} from './stored-values.js';
import type { Assert, Disagreeing, NoneDisagree, SameShape } from './type-agreement.js';

/*
 * Unknown keys are stripped, not passed through and not refused.
 * - Not refused: during a rolling deploy an older build reads snapshots a newer one wrote, and a
 *   field it does not know about is no reason to lose the incident.
 * - Not passed through: the parsed state goes through `evolve` (which spreads it) and is written
 *   back as the new snapshot. A field this build cannot keep up to date would be carried forward
 *   stale, looking current. Dropped, it is simply missing, which a newer reader can notice (its
 *   schema requires the field) and answer by replaying the events, the source of truth.
 * Two exceptions, both for keys that cannot be a newer writer's: anything on `none`, and a key of
 * another status (`keysFitStatus`, below).
 */

const nullableUser = userId.nullable();

const roleHolders = z.object({
  commander: nullableUser,
  communicator: nullableUser,
  scribe: nullableUser,
});

const holdOff = z.object({ state: z.literal('off') });
const holdActive = z.object({ state: z.literal('active'), endsAt: instant });
const holdEnded = z.object({ state: z.literal('ended'), endsAt: instant });
const holdLifted = z.object({
  state: z.literal('lifted'),
  endsAt: instant,
  liftedAt: instant,
  by: userId,
  reason: z.string(),
});
const diagnosisHold = z.discriminatedUnion('state', [holdOff, holdActive, holdEnded, holdLifted]);
/** A resolved or closed incident's hold can no longer be active, and the schema says so too. */
const settledHold = z.discriminatedUnion('state', [holdOff, holdEnded, holdLifted]);

const hypothesis = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(['proposed', 'testing', 'ruled_out', 'confirmed', 'withdrawn']),
  proposedBy: userId,
  proposedAt: instant,
  evidence: z.string().nullable(),
  changedAt: instant,
});

const action = z.object({
  id: z.string(),
  text: z.string(),
  owner: userId,
  status: z.enum(['proposed', 'in_progress', 'done', 'abandoned']),
  hypothesisId: z.string().nullable(),
  createdBy: userId,
  createdAt: instant,
  result: z.string().nullable(),
});

const decisionRecord = z.object({
  id: z.string(),
  what: z.string(),
  why: z.string(),
  wouldChangeOurMind: z.string(),
  by: userId,
  at: instant,
});

const updateClock = z.object({
  lastPostedAt: instant.nullable(),
  nextUpdateBy: instant.nullable(),
  lastNudgedAt: instant.nullable(),
  snoozedUntil: instant.nullable(),
  expectedResolution: z.string().nullable(),
  count,
});

/** `IncidentFacts`: what every opened incident knows, whatever its status. */
const facts = {
  number: z.number().int(),
  title: z.string(),
  service: z.string().nullable(),
  severity: severityOrPending,
  private: z.boolean(),
  drill: z.boolean(),
  reporter: userId,
  openedAt: instant,
  roles: roleHolders,
  participants: z.array(userId),
  commanderFirstNamedAt: instant.nullable(),
  hypotheses: z.array(hypothesis),
  actions: z.array(action),
  decisions: z.array(decisionRecord),
  captured: z.array(z.string()),
  updates: updateClock,
  escalationArmedAt: instant,
  escalatedAt: instant.nullable(),
  escalations: z.array(
    z.object({
      at: instant,
      by: userId,
      audiences: z.array(escalationAudience),
      reason: z.string().nullable(),
      beyondPolicy: z.boolean(),
    }),
  ),
  commanderNudgedAt: instant.nullable(),
  triage: triageAnswersSchema.nullable(),
};

/**
 * Strict, unlike the rest: `none` has no fields for a newer writer to add to, so a `none` carrying
 * any is an opened incident whose status was damaged. Stripped, it would read as "no incident" and
 * the incident would silently vanish.
 */
const noIncident = z.strictObject({ status: z.literal('none') });

const activeIncident = z.object({ ...facts, status: openStatus, hold: diagnosisHold });

const resolution = z.object({
  at: instant,
  by: userId,
  summary: z.string(),
  impactEndedAt: instant.nullable(),
  postmortemRequired: z.boolean(),
  impactStartedAt: instant.nullable(),
  detection: detectionSchema.nullable(),
});

const resolvedIncident = z.object({
  ...facts,
  status: z.literal('resolved'),
  hold: settledHold,
  resolution,
  postmortemReminders: count,
});

const followUp = followUpInputSchema.extend({
  runbook: z.boolean(),
  status: z.enum(['open', 'done', 'dropped']),
  closedAt: instant.nullable(),
  dropReason: z.string().nullable(),
  remindedBefore: z.boolean(),
  remindedOverdue: z.boolean(),
});

const closedIncident = z.object({
  ...facts,
  status: z.literal('closed'),
  hold: settledHold,
  resolution,
  postmortem: z.object({ at: instant, by: userId, answers: postmortemAnswersSchema.required() }),
  followUps: z.array(followUp),
});

const members = [noIncident, activeIncident, resolvedIncident, closedIncident] as const;
const knownKeys = new Set(members.flatMap((member) => Object.keys(member.shape)));

/**
 * True unless the JSON carries a key that this build knows belongs to another status: a snapshot
 * whose status was changed by hand or by a bug (a resolved incident set back to `investigating`,
 * its `resolution` still there). Stripping would quietly read it as the status it claims. A key
 * of another status is never a newer writer's addition, so this costs no forward compatibility;
 * a refused snapshot can be rebuilt from its events.
 */
function keysFitStatus(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || !('status' in json)) return true;
  const member = members.find((m) => m.shape.status.safeParse(json.status).success);
  if (!member) return true;
  const own = new Set(Object.keys(member.shape));
  return Object.keys(json).every((key) => own.has(key) || !knownKeys.has(key));
}

/**
 * The JSON shape of `IncidentState`, as stored in `incidents.snapshot`: a union on `status`, so a
 * snapshot that could not happen (a resolved incident with an active hold, a closed one without its
 * postmortem, an open one with a resolution) is refused, not read.
 */
export const incidentStateSchema = z
  .custom<unknown>(keysFitStatus, 'carries fields of another status')
  .pipe(z.discriminatedUnion('status', [...members]));

/**
 * A stored snapshot as the domain's state, or null when it is not one (damaged, or written by a
 * build whose state this one cannot read). Takes the decoded JSON (`pg` decodes `jsonb`). For why
 * it was refused, call `incidentStateSchema.safeParse` and read the issues.
 */
export const parseStoredState = (json: unknown): IncidentState | null =>
  parsedOrNull(incidentStateSchema, json);

type Parsed = z.output<typeof incidentStateSchema>;

/**
 * Fails the typecheck when the schema and `IncidentState` describe different JSON for some status,
 * and names it. Exported only so that it is not an unused local.
 */
export type StateSchemaAgreesPerStatus = NoneDisagree<Disagreeing<Parsed, IncidentState, 'status'>>;

/** The whole union agrees too: no status on one side only. */
export type StateSchemaAgrees = Assert<SameShape<Parsed, IncidentState>>;
