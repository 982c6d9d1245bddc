import pino, { type Logger } from 'pino';

/** The process logger: JSON lines on stdout, with Slack tokens and secrets redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'incident-commander' },
    redact: { paths: ['token', '*.token', 'headers.authorization', 'config.slack'], censor: '[redacted]' },
  });
}
