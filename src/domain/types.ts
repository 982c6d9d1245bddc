/**
 * Vocabulary shared by every part of the incident domain.
 *
 * The domain is pure: it never reads a clock, generates an id or talks to the network. Instants,
 * ids and the acting person arrive on each command, so the same history always decides the same way.
 */

/** A Slack user id (`U…`/`W…`), or {@link SYSTEM_ACTOR} for things the bot does on a timer. */
export type UserId = string;

/** The actor recorded when the bot itself acts (a timer fired, a hold ran out). */
export const SYSTEM_ACTOR = 'system';

/** Slack's user id shape (`U…`, or `W…` on Enterprise Grid). Anything else is never shown as a mention. */
export const USER_ID_PATTERN = /^[UW][A-Z0-9]{2,20}$/;
/** Slack's conversation id shape: public (`C…`), private (`G…`) or direct (`D…`). */
export const CHANNEL_ID_PATTERN = /^[CGD][A-Z0-9]{2,20}$/;

export const isUserId = (value: string): boolean => USER_ID_PATTERN.test(value);
export const isChannelId = (value: string): boolean => CHANNEL_ID_PATTERN.test(value);

/** An instant as an ISO-8601 UTC string with milliseconds (`Date#toISOString()` form). */
export type Instant = string;

/** Durations inside the domain are whole milliseconds; 0 means "off". */
export type Milliseconds = number;

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Severity before triage has been answered. */
export type SeverityOrPending = Severity | 'pending';

export const ROLES = ['commander', 'communicator', 'scribe'] as const;
export type Role = (typeof ROLES)[number];

/** Statuses an incident moves through while it is being worked on. */
export const OPEN_STATUSES = ['investigating', 'identified', 'monitoring'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export type Status = OpenStatus | 'resolved' | 'closed';

/** Who escalation reaches: the senior engineer (paged into the channel) and the VP of Engineering (by DM). */
export const ESCALATION_AUDIENCES = ['senior', 'exec'] as const;
export type EscalationAudience = (typeof ESCALATION_AUDIENCES)[number];

export const addMilliseconds = (at: Instant, ms: Milliseconds): Instant =>
  new Date(Date.parse(at) + ms).toISOString();

export const millisecondsBetween = (from: Instant, to: Instant): Milliseconds =>
  Date.parse(to) - Date.parse(from);

/** True when `a` is strictly before `b`. */
export const isBefore = (a: Instant, b: Instant): boolean => Date.parse(a) < Date.parse(b);

/** What an incident is, as opened: the opening event records it and every state carries it. */
export interface IncidentIdentity {
  readonly number: number;
  readonly title: string;
  readonly service: string | null;
  readonly severity: SeverityOrPending;
  readonly private: boolean;
  readonly drill: boolean;
  readonly reporter: UserId;
}
