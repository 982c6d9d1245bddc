import { withContext } from '../log-context.js';
import type { Logger } from '../ports/logger.js';
import type { CommandOutcome } from './command-core.js';

/**
 * What every log line of a command's work carries. `teamId` is filled in once the incident is
 * locked when the command has no origin (a fired timer).
 */
export interface LogContext {
  teamId: string | null;
  readonly incidentId: string;
  readonly commandId: string;
  readonly command: string;
}

/**
 * Runs a command and logs how it ended, with its context: recorded (info, with the events),
 * refused (info, with the reason's code), unchanged (debug), or failed before a decision (warn).
 */
export async function logged(
  logger: Logger | undefined,
  context: LogContext,
  work: () => Promise<CommandOutcome>,
): Promise<CommandOutcome> {
  if (!logger) return work();
  const started = performance.now();
  try {
    const outcome = await work();
    const log = withContext(logger, context);
    const ms = Math.round(performance.now() - started);
    if (!outcome.ok) log.info({ ms, rejection: outcome.rejection.code }, 'command refused');
    else if (outcome.events.length > 0)
      log.info({ ms, events: outcome.events.map((event) => event.type) }, 'command recorded');
    else log.debug({ ms }, 'command changed nothing');
    return outcome;
  } catch (error) {
    withContext(logger, context).warn({ err: error }, 'command failed before a decision');
    throw error;
  }
}
