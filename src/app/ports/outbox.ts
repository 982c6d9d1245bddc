import type { Effect } from '../effects.js';

export interface PendingEffect {
  readonly id: number;
  readonly incidentId: string;
  readonly effect: Effect;
  /** Tries started so far (a crashed try counts: it may have reached Slack). */
  readonly attempts: number;
  /** Its backoff, if any, is over (by the database's clock, shared by every replica). */
  readonly due: boolean;
}

/** An effect given up on, with why: shown to the commander. */
export interface FailedEffect {
  readonly id: number;
  readonly kind: Effect['kind'];
  readonly reason: string;
  readonly failedAt: Date;
}

/**
 * The outbox port: effects written with the events, performed after commit. Every call is one
 * short statement: nothing here holds a connection while Slack is called.
 */
export interface Outbox {
  /**
   * Takes (or renews) the incident's drain lease for `leaseMs`. False when another holder's lease
   * has not expired. A crashed holder's lease simply runs out.
   */
  lease(incidentId: string, holder: string, leaseMs: number): Promise<boolean>;
  release(incidentId: string, holder: string): Promise<void>;
  /** Effects not yet finished for the incident, oldest first. */
  pending(incidentId: string): Promise<PendingEffect[]>;
  /** Counts a try as started, before it runs; returns the try's number. */
  started(id: number): Promise<number>;
  complete(ids: readonly number[], outcome: string): Promise<void>;
  retryLater(id: number, error: string, delayMs: number): Promise<void>;
  /** Finishes effects as failed, with the reason, so they never run again. */
  fail(ids: readonly number[], reason: string): Promise<void>;
  enqueue(incident: { id: string; teamId: string }, effects: readonly Effect[]): Promise<void>;
  /** Incidents with an effect due now and no live lease (for the periodic sweep). */
  incidentsWithDueEffects(limit: number): Promise<string[]>;
  /** The incident's failed effects, newest first. */
  failures(incidentId: string, limit: number): Promise<FailedEffect[]>;
  /**
   * Finishes every unfinished effect of these workspaces as failed, with the reason (the app was
   * uninstalled there: no retry can succeed). Returns how many were given up.
   */
  abandonTeams(teamIds: readonly string[], reason: string): Promise<number>;
}
