import type { Logger } from './ports/logger.js';

/**
 * A logger whose every line carries `bindings` (a team, an incident, a command): pino's child
 * logger when there is one, else one that adds them to each line's fields.
 */
export function withContext(logger: Logger, bindings: object): Logger {
  const child = (logger as { child?: (bindings: object) => Logger }).child;
  if (typeof child === 'function') return child.call(logger, bindings);
  return {
    debug: (fields, message) => logger.debug({ ...bindings, ...fields }, message),
    info: (fields, message) => logger.info({ ...bindings, ...fields }, message),
    warn: (fields, message) => logger.warn({ ...bindings, ...fields }, message),
    error: (fields, message) => logger.error({ ...bindings, ...fields }, message),
  };
}
