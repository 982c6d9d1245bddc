import type { Effect } from '../effects.js';
import { PermanentEffectError, RetryAfterError } from '../ports/effect-performer.js';

/** What to do after a try failed: wait and try again, or give up with a reason. */
export type AfterFailure =
  | { readonly kind: 'retry'; readonly delayMs: number }
  | { readonly kind: 'give-up'; readonly reason: string };

/** How many tries, and the first backoff (doubling from there, capped at five minutes). */
export interface RetryLimits {
  readonly maxTries: number;
  readonly baseDelayMs: number;
}

/** Eight tries, about four minutes of backoff in all; some effects are worth fewer. */
export const DEFAULT_RETRY_LIMITS: RetryLimits = { maxTries: 8, baseDelayMs: 500 };
const TRIES: Readonly<Partial<Record<Effect['kind'], number>>> = {
  // An ephemeral confirmation is useless after a while, and a response_url lasts 30 minutes.
  'reporter.confirm': 3,
};
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Slack errors that will not go away are given up at once; the rest (429, 5xx, network, timeouts)
 * are retried with exponential backoff and jitter, honouring Retry-After, a bounded number of times.
 */
export function afterFailure(
  effect: Effect,
  tries: number,
  error: unknown,
  limits: RetryLimits = DEFAULT_RETRY_LIMITS,
  random: () => number = Math.random,
): AfterFailure {
  if (error instanceof PermanentEffectError) return { kind: 'give-up', reason: error.reason };
  const limit = Math.min(TRIES[effect.kind] ?? limits.maxTries, limits.maxTries);
  if (tries >= limit) return { kind: 'give-up', reason: `gave up after ${tries} tries: ${messageOf(error)}` };
  if (error instanceof RetryAfterError) return { kind: 'retry', delayMs: error.retryAfterMs };
  const backoff = Math.min(MAX_BACKOFF_MS, limits.baseDelayMs * 2 ** Math.min(tries - 1, 12));
  return { kind: 'retry', delayMs: Math.round(backoff * (0.8 + random() * 0.4)) };
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
