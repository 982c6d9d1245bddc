import type { TimerKind } from '../../domain/index.js';

/** One timer that should exist for an incident: what the domain's timer policy asks for. */
export interface WantedTimer {
  readonly kind: TimerKind;
  /** Stable per timer within the incident; safe inside a job id. */
  readonly key: string;
  /** When the policy says it is due: what the firing is checked against. */
  readonly dueAt: string;
  /** When to fire: the due time, or for chores the recipient's next working moment after it. */
  readonly fireAt: string;
}

/**
 * Keeps the delayed jobs of an incident equal to the timers its state calls for. Timers are
 * derived, not remembered: whatever is in the queue that the state no longer wants is removed.
 */
export interface TimerScheduler {
  sync(incidentId: string, wanted: readonly WantedTimer[]): Promise<void>;
  /** The timers currently scheduled for an incident (for `/incident timers` and tests). */
  scheduled(incidentId: string): Promise<WantedTimer[]>;
}
