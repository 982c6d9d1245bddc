import pino, { type DestinationStream, type Logger } from 'pino';
import { redactLogLine } from './redact-log-line.js';

// Fields known to hold a secret whole, hidden whatever their value looks like.
const SECRET_FIELDS = [
  'token',
  '*.token',
  'password',
  '*.password',
  'clientSecret',
  '*.clientSecret',
  'stateSecret',
  '*.stateSecret',
  'headers.authorization',
  '*.headers.authorization',
  'config.slack',
  'config.databaseUrl',
  'config.redisUrl',
];

/**
 * The process logger: JSON lines on stdout (or `destination`). Secrets are hidden twice over: known
 * fields by path, and passwords in URLs and Slack tokens wherever they appear in the finished line
 * (the message, child bindings, any logged value, errors included: a pg or ioredis error may carry
 * the URL it used).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'incident-commander' },
      redact: { paths: SECRET_FIELDS, censor: '[redacted]' },
      hooks: { streamWrite: redactLogLine },
    },
    destination,
  );
}
