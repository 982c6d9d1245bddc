import { z } from 'zod';
import { DETECTION_SOURCES } from '../../domain/detection.js';
import { ESCALATION_AUDIENCES, OPEN_STATUSES, ROLES, SEVERITIES } from '../../domain/index.js';

/**
 * The value types that both the stored events and the stored snapshot carry. These schemas check
 * the shape of what was stored, not the domain's rules: the domain already enforced its rules
 * (text limits, Slack id shapes, one follow-up per rank) when it decided, and a reader that
 * re-decided them would turn yesterday's valid incident unreadable the day a limit is tightened.
 *
 * Objects are `z.object`, which strips keys it does not know (see state-schema.ts for why).
 */

/**
 * An instant exactly as the domain writes it: `Date#toISOString()`, UTC with milliseconds. Not any
 * ISO-8601 form: the domain compares instants as strings (`command.now < spec.dueAt`, `latest()` in
 * the timer policy), which orders correctly only when every instant has this one form.
 */
export const instant = z.iso.datetime({ precision: 3 });

/**
 * Who acted or is named. Any string, not `USER_ID_PATTERN`: actors include `SYSTEM_ACTOR`, and the
 * domain checks the pattern only on people picked in forms (assignees, owners), not on actors.
 */
export const userId = z.string();

/** Whole, non-negative counts (updates posted, reminders sent, milliseconds open). */
export const count = z.number().int().nonnegative();

export const severity = z.enum(SEVERITIES);
export const severityOrPending = z.enum([...SEVERITIES, 'pending']);
export const role = z.enum(ROLES);
export const openStatus = z.enum(OPEN_STATUSES);
export const escalationAudience = z.enum(ESCALATION_AUDIENCES);

export const triageAnswersSchema = z.object({
  customerImpact: z.enum(['none', 'some', 'most']),
  criticalPathDown: z.boolean(),
  dataAtRisk: z.boolean(),
  workaroundExists: z.boolean(),
});

/**
 * A follow-up's due date, checked as the domain checks it when the postmortem is recorded
 * (decide-postmortem.ts): `YYYY-MM-DD` that `Date.parse` accepts. That is looser than a calendar
 * date (V8 reads `2026-02-30` as 2 March), and deliberately so here: `z.iso.date()` would refuse a
 * follow-up the domain accepted and stored.
 */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');

export const followUpInputSchema = z.object({
  id: z.string(),
  title: z.string(),
  owner: userId,
  due: calendarDate,
  rank: z.literal([1, 2, 3]),
  control: z.boolean(),
  // Optional: follow-ups recorded before the runbook question have none.
  runbook: z.boolean().optional(),
});

export const postmortemAnswersSchema = z.object({
  whatHappened: z.string(),
  whyNotDetectedSooner: z.string(),
  whyResponseTookSoLong: z.string(),
  whatWeChange: z.string(),
  // Optional: postmortems recorded before these sections existed have none.
  rootCauses: z.string().optional(),
  contributingFactors: z.string().optional(),
  wentWell: z.string().optional(),
  wentWrong: z.string().optional(),
  gotLucky: z.string().optional(),
  runbook: z.string().optional(),
});

/** How the incident was detected (`Detection`). */
export const detectionSchema = z.object({
  source: z.enum(DETECTION_SOURCES),
  link: z.string().nullable(),
});

/** What a schema makes of stored JSON, or null when it does not match (the caller decides what null means). */
export function parsedOrNull<T>(schema: z.ZodType<T>, json: unknown): T | null {
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
