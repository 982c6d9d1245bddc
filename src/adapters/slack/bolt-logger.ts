import { type Logger as BoltLogger, LogLevel } from '@slack/logger';
import type { Logger as PinoLogger } from 'pino';

const PINO_TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/** Bolt's logger interface on top of pino, so Bolt's lines land in the same structured log. */
export function boltLogger(pino: PinoLogger): BoltLogger {
  let logger = pino.child({ component: 'bolt' });
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...messages: unknown[]) => {
      const [first, ...rest] = messages;
      if (first instanceof Error) logger[level]({ err: first }, rest.map(String).join(' ') || first.message);
      else logger[level](messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' '));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // The level is pino's to decide (LOG_LEVEL); Bolt's own setting is ignored on purpose.
    setLevel: () => {},
    getLevel: () => PINO_TO_BOLT[logger.level] ?? LogLevel.INFO,
    setName: (name: string) => {
      logger = pino.child({ component: name });
    },
  };
}
