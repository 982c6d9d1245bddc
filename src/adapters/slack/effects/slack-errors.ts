import { ErrorCode } from '@slack/web-api';
import { RetryAfterError } from '../../../app/ports/effect-performer.js';

/** The `error` string of a Slack Web API platform error (`name_taken`, …), or null for anything else. */
export function slackErrorCode(error: unknown): string | null {
  if (
    error instanceof Error &&
    'code' in error &&
    error.code === ErrorCode.PlatformError &&
    'data' in error
  ) {
    const data = error.data as { error?: unknown };
    return typeof data.error === 'string' ? data.error : null;
  }
  return null;
}

/** Turns Slack's 429 into the outbox's "retry after" signal; other errors pass through unchanged. */
export function asRetryable(error: unknown): unknown {
  if (
    error instanceof Error &&
    'code' in error &&
    error.code === ErrorCode.RateLimitedError &&
    'retryAfter' in error
  ) {
    const seconds = Number(error.retryAfter);
    return new RetryAfterError(Math.max(1, Number.isFinite(seconds) ? seconds : 1) * 1000, error.message);
  }
  return error;
}

/** Runs a Web API call, treating the listed Slack errors as success (`already_in_channel`, …). */
export async function tolerating<T>(
  call: () => Promise<T>,
  harmless: readonly string[],
): Promise<T | 'harmless'> {
  try {
    return await call();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== null && harmless.includes(code)) return 'harmless';
    throw asRetryable(error);
  }
}

/** Runs a Web API call, turning a 429 into the outbox's "retry after" signal. */
export async function callSlack<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw asRetryable(error);
  }
}
