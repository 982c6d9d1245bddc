import { redactSecrets } from '../../config/redact-secrets.js';

// Causes nest; a few levels say what went wrong without printing a loop forever.
const MAX_CAUSES = 5;

/**
 * What a failed start prints on stderr, before any logger exists: the error's stack, each error of
 * an AggregateError (pg reports a refused connection to every address it tried that way) and the
 * chain of causes, with passwords in URLs and Slack tokens hidden.
 */
export function describeFailure(error: unknown): string {
  return redactSecrets(describe(error, 0));
}

function describe(error: unknown, depth: number): string {
  if (!(error instanceof Error)) return String(error);
  let text = error.stack ?? `${error.name}: ${error.message}`;
  if (error instanceof AggregateError) {
    for (const each of error.errors) text += `\n  ${describe(each, MAX_CAUSES).replaceAll('\n', '\n  ')}`;
  }
  if (error.cause !== undefined && depth < MAX_CAUSES)
    text += `\nCaused by: ${describe(error.cause, depth + 1)}`;
  return text;
}
