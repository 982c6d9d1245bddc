import { ErrorCode } from '@slack/web-api';
import { PermanentEffectError, RetryAfterError } from '../../../app/ports/effect-performer.js';

/**
 * Slack errors that retrying will not fix (PLATFORM.md): the effect is given up with the code as
 * its reason. Everything else (429, 5xx, network, timeouts, unknown codes) is worth a retry.
 */
export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'message_not_found',
  'cant_update_message',
  'user_not_found',
  'user_is_deactivated',
  'users_not_found',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'msg_blocks_too_long',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'not_authed',
  'restricted_action',
  'cannot_dm_bot',
  'no_permission',
  'team_access_not_granted',
  'invalid_arguments',
]);

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

/** Slack's error as the outbox understands it: wait and retry, give up for good, or retry later. */
export function classified(error: unknown): unknown {
  if (
    error instanceof Error &&
    'code' in error &&
    error.code === ErrorCode.RateLimitedError &&
    'retryAfter' in error
  ) {
    const seconds = Number(error.retryAfter);
    return new RetryAfterError(Math.max(1, Number.isFinite(seconds) ? seconds : 1) * 1000, error.message);
  }
  const code = slackErrorCode(error);
  if (code !== null && PERMANENT_SLACK_ERRORS.has(code))
    return new PermanentEffectError(code, `Slack said ${code}`);
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
    throw classified(error);
  }
}

/** Runs a Web API call, turning Slack's errors into the outbox's retry or give-up signals. */
export async function callSlack<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw classified(error);
  }
}
