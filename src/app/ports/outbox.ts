import type { Effect } from '../effects.js';

export interface PendingEffect {
  readonly id: number;
  readonly incidentId: string;
  readonly effect: Effect;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
}

/** The outbox port: effects written with the events, claimed and completed after commit. */
export interface Outbox {
  /**
   * Runs `work` while holding the incident's outbox lock (across replicas). Returns false without
   * running it when another worker holds the lock right now.
   */
  withIncidentLock(incidentId: string, work: () => Promise<void>): Promise<boolean>;
  /** Effects not yet done for the incident, oldest first (due or not: order matters). */
  pending(incidentId: string): Promise<PendingEffect[]>;
  /** Incidents with at least one due effect (for the periodic sweep). */
  incidentsWithDueEffects(now: Date, limit: number): Promise<string[]>;
  complete(ids: readonly number[], outcome: string): Promise<void>;
  retryLater(id: number, error: string, at: Date): Promise<void>;
}
