import type { EscalationAudience, Milliseconds, Severity } from './types.js';

/** One step of the escalation policy: tell this audience this long after opening, if unresolved. */
export interface EscalationStep {
  readonly audience: EscalationAudience;
  /** After opening (or reopening); 0 = at once. */
  readonly after: Milliseconds;
}

/** Whom escalation tells, and when, by severity (ESCALATION_POLICY). An empty list: nobody. */
export interface EscalationPolicy {
  readonly steps: Readonly<Record<Severity, readonly EscalationStep[]>>;
  /** The setting it came from, named in the timers' reasons (`ESCALATION_POLICY` or `ESCALATE_AFTER`). */
  readonly setting: string;
}

/** The configuration the timer policy reads; durations in milliseconds, 0 = off. */
export interface TimerPolicy {
  readonly escalateAfter: Milliseconds;
  readonly postmortemDue: Milliseconds;
  readonly updateCadence: Readonly<Record<Severity, Milliseconds>>;
  /** How long before a follow-up's due date its owner is reminded. */
  readonly followUpReminderLead: Milliseconds;
  /** Whom escalation tells, and when; absent: the default table, timed by `escalateAfter`. */
  readonly escalation?: EscalationPolicy;
  /** How long after opening the channel is nudged when nobody has taken command; 0 or absent = off. */
  readonly commanderNudgeAfter?: Milliseconds;
}

/** Every kind of timer, end to end: the policy, the queue's jobs and their firing share this list. */
export const TIMER_KINDS = [
  'hold-end',
  'escalation',
  'update-due',
  'postmortem-reminder',
  'follow-up-reminder',
  // One timer per audience of the escalation policy; 'escalation' (both at once) is what jobs
  // queued before the policy carry: it is never wanted again, so such a firing is stale.
  'escalation-senior',
  'escalation-exec',
  'commander-nudge',
] as const;

export type TimerKind = (typeof TIMER_KINDS)[number];

/** Which reminder of a follow-up a timer is: a day ahead of its due date, or once it has passed. */
export interface FollowUpReminder {
  readonly followUpId: string;
  readonly which: 'before' | 'overdue';
}

/** A timer the state calls for: what, when, and why, in words a person can read. */
export interface TimerSpec {
  readonly kind: TimerKind;
  /** Stable per timer within an incident; safe in a BullMQ job id (no ':' and not all digits). */
  readonly key: string;
  readonly dueAt: string;
  /** The rule that set it. */
  readonly rule: string;
  /** What it will do when it fires. */
  readonly effect: string;
  /** What would cancel it. */
  readonly cancelledBy: string;
  /** Live-incident nudges go out at any hour; chores wait for the recipient's working hours. */
  readonly delivery: 'any-hour' | 'working-hours';
  /** Whom it is for, when one person: the scheduler shifts working-hours timers to their zone. */
  readonly recipient: string | null;
  /** The follow-up a follow-up reminder is about; null for every other kind. */
  readonly followUp: FollowUpReminder | null;
}
