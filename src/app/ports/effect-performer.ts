import type { Effect } from '../effects.js';
import type { StoredIncident } from './incident-store.js';

/** What a performer knows about the attempt it is making. */
export interface Attempt {
  /** 1 for the first try. Above 1, an earlier try may have succeeded in Slack without being recorded. */
  readonly number: number;
}

/** Performs one effect in Slack. Returns a short outcome for the record; throws to be retried or given up. */
export interface EffectPerformer {
  perform(effect: Effect, incident: StoredIncident, attempt: Attempt): Promise<string>;
}

/** Thrown when the remote asked us to wait (a 429 with Retry-After). */
export class RetryAfterError extends Error {
  constructor(
    readonly retryAfterMs: number,
    message: string,
  ) {
    super(message);
    this.name = 'RetryAfterError';
  }
}

/**
 * Thrown when retrying cannot help (the channel is archived, the message was deleted, the user is
 * deactivated, the blocks are invalid): the effect is finished as failed, with this reason, and
 * the effects queued after it go ahead.
 */
export class PermanentEffectError extends Error {
  constructor(
    /** A short machine-readable reason, e.g. Slack's `is_archived`. */
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentEffectError';
  }
}
