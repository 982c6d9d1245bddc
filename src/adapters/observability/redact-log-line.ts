import { redactSecrets } from '../../config/redact-secrets.js';

// What a line must hold before it can hold a secret: a URL, a Slack token or a field named as a
// credential (an OAuth client secret). Most lines hold none, and skip the parsing below.
const MIGHT_HOLD_A_SECRET = /:\/\/|xox[a-z]-|xapp-|secret|pass|pwd/i;

/**
 * One finished pino line (JSON and a newline) with {@link redactSecrets} applied to every string in
 * it: the message, the bindings of child loggers, and every field of a logged error (message, stack,
 * causes, and a driver's own fields such as the `input` of an invalid URL). Working on the parsed
 * line rather than its text hides a password whole even when JSON escaped a quote in it.
 */
export function redactLogLine(line: string): string {
  if (!MIGHT_HOLD_A_SECRET.test(line)) return line;
  const newline = line.endsWith('\n') ? '\n' : '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    // Not JSON after all (never from pino): hiding the secret matters more than the line's shape.
    return redactSecrets(line);
  }
  return JSON.stringify(redactStrings(parsed)) + newline;
}

function redactStrings(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(redactStrings);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, nested]) => [key, redactStrings(nested)]));
}
