import type { Effect } from '../effects.js';
import type { StoredIncident } from './incident-store.js';

/** Performs one effect in Slack. Returns a short outcome for the record; throws to be retried. */
export interface EffectPerformer {
  perform(effect: Effect, incident: StoredIncident): Promise<string>;
}

/** Thrown by a performer when the remote asked us to wait (a 429 with Retry-After). */
export class RetryAfterError extends Error {
  constructor(
    readonly retryAfterMs: number,
    message: string,
  ) {
    super(message);
    this.name = 'RetryAfterError';
  }
}
