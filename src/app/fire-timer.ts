import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, type TimerKind, type TimerPolicy } from '../domain/index.js';
import type { CommandCore, CommandOutcome } from './commands/command-core.js';
import { withContext } from './log-context.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';

/** A timer as the queue hands it back. */
export interface FiredTimer {
  readonly incidentId: string;
  readonly kind: TimerKind;
  readonly key: string;
  readonly dueAt: string;
  readonly fireAt: string;
}

export interface FireTimerDeps {
  readonly commands: CommandCore;
  readonly clock: Clock;
  readonly policy: TimerPolicy;
  readonly logger: Logger;
  /** Names the firing's command in its log lines (a random UUID by default). */
  readonly newId?: () => string;
  /** Told how late each firing was, in milliseconds (for /metrics). */
  readonly onLateness: (kind: TimerKind, latenessMs: number) => void;
}

/** A firing more than this after its time is worth a warning. */
export const LATE_AFTER_MS = 30_000;

/**
 * Runs a fired timer through the same command path as Slack input. The domain ignores a firing
 * that no longer applies, and a firing that does records its events and Slack effects in one
 * transaction, so a job delivered twice changes things, and posts, once.
 */
export async function fireTimer(deps: FireTimerDeps, timer: FiredTimer): Promise<CommandOutcome> {
  await waitUntilDue(deps.clock, timer);
  const now = deps.clock.now();
  const latenessMs = Math.max(0, now.getTime() - Date.parse(timer.fireAt));
  const commandId = (deps.newId ?? randomUUID)();
  const logger = withContext(deps.logger, { incidentId: timer.incidentId, commandId });
  deps.onLateness(timer.kind, latenessMs);
  if (latenessMs > LATE_AFTER_MS) logger.warn({ ...timer, latenessMs }, 'timer fired late');
  const outcome = await deps.commands.run({
    incidentId: timer.incidentId,
    commandId,
    origin: null,
    command: {
      type: 'FireTimer',
      actor: SYSTEM_ACTOR,
      now: now.toISOString(),
      kind: timer.kind,
      key: timer.key,
      dueAt: timer.dueAt,
      policy: deps.policy,
    },
  });
  // The team is known once the command has found the incident.
  logger.info(
    {
      ...timer,
      ...(outcome.ok ? { teamId: outcome.incident.teamId } : {}),
      latenessMs,
      recorded: outcome.ok ? outcome.events.map((e) => e.type) : [],
    },
    outcome.ok && outcome.events.length > 0 ? 'timer fired' : 'timer no longer applies',
  );
  return outcome;
}

/**
 * Delayed jobs can be promoted a few milliseconds early (clocks of replicas differ slightly); the
 * domain would call such a firing stale and the timer would wait for the next reconcile. Wait out
 * a small gap; a large one is a clock problem worth a retry and a log line.
 */
async function waitUntilDue(clock: Clock, timer: FiredTimer): Promise<void> {
  const early = Date.parse(timer.dueAt) - clock.now().getTime();
  if (early <= 0) return;
  if (early > MAX_EARLY_MS) throw new Error(`timer ${timer.key} fired ${early} ms before its due time`);
  await new Promise((resolve) => setTimeout(resolve, early + 1));
}

const MAX_EARLY_MS = 5_000;
