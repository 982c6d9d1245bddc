import { randomBytes } from 'node:crypto';
import type { Logger } from '../../../../app/ports/logger.js';

/** A short reference that ties what the person was told to the log line an operator will search for. */
export const newRef = (): string => randomBytes(3).toString('hex');

/** Where a failed request came from, for the log line. */
export interface FailureContext {
  readonly what: string;
  readonly teamId?: string | null;
  readonly channelId?: string | null;
  readonly userId?: string | null;
  readonly incidentId?: string | null;
  readonly command?: string | null;
}

const DATABASE_DOWN = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection terminated',
  'Query read timeout',
  'the database system is',
];

/** Whether an error means PostgreSQL could not be reached (as opposed to a bug). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ''}` : String(error)}`;
  return DATABASE_DOWN.some((needle) => text.includes(needle));
}

/**
 * What a person is told when their request failed before anything was saved: what happened,
 * that nothing changed, what to do, and the ref an operator can find in the log.
 */
export function failureReply(error: unknown, ref: string): string {
  return isDatabaseUnavailable(error)
    ? `Not saved: the database is unreachable, so nothing changed. Try again in a minute. (ref ${ref})`
    : `Not saved: something went wrong on my side, so nothing changed. Try again; if it keeps failing, tell whoever runs the bot (ref ${ref}).`;
}

/** The answer to a request whose result comes after the ack. */
export const STILL_WORKING =
  'Still working on it: the database is slow right now. I will tell you here when it is saved.';

export function logFailure(logger: Logger, error: unknown, ref: string, context: FailureContext): void {
  logger.error({ err: error, ref, ...context }, `${context.what} failed`);
}

/**
 * A control's request failed before anything was saved: logged with its context and ref, acked
 * (so Slack shows no timeout), and the person told privately what happened and what to do.
 */
export async function answerFailure(
  logger: Logger,
  failure: { readonly error: unknown; readonly ref: string; readonly context: FailureContext },
  ack: () => Promise<void>,
  tell: (text: string) => void,
): Promise<void> {
  logFailure(logger, failure.error, failure.ref, failure.context);
  await ack();
  tell(failureReply(failure.error, failure.ref));
}
