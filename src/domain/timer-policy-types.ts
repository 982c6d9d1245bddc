import type { Milliseconds, Severity } from './types.js';

/** The configuration the timer policy reads; durations in milliseconds, 0 = off. */
export interface TimerPolicy {
  readonly escalateAfter: Milliseconds;
  readonly postmortemDue: Milliseconds;
  readonly updateCadence: Readonly<Record<Severity, Milliseconds>>;
  /** How long before a follow-up's due date its owner is reminded. */
  readonly followUpReminderLead: Milliseconds;
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
