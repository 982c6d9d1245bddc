import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { PruneOlderThan } from './ports/retention.js';

/** Between the end of one pruning pass and the start of the next. */
export const RETENTION_PASS_EVERY = 60 * 60_000;

export interface RetentionLoopDeps {
  /** Deletes what is older than the cutoff; resolves with how many of each went. */
  readonly prune: PruneOlderThan | ((cutoff: Date) => Promise<object>);
  /** What is pruned, for the log (`records`: the dedupe and delivery records). */
  readonly what?: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How old a record must be to go, in ms; 0 turns pruning off. */
  readonly retention: number;
  /** The pause after each pass, in ms (a pause rather than a rate, so passes never overlap). */
  readonly every?: number;
}

/**
 * Prunes old records now and then again `every` after each pass ends. A failed pass is logged and
 * the next one comes as usual: the rows wait, nothing else depends on them going. Returns a stop
 * that waits for the pass under way, so the database is not closed beneath it.
 */
export function startRetentionLoop(deps: RetentionLoopDeps): () => Promise<void> {
  if (deps.retention <= 0) return async () => {};
  const every = deps.every ?? RETENTION_PASS_EVERY;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let pass: Promise<void> = Promise.resolve();
  const run = () => {
    timer = null;
    pass = prunePass(deps).finally(() => {
      if (stopped) return;
      timer = setTimeout(run, every);
      timer.unref();
    });
  };
  run();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await pass;
  };
}

async function prunePass(deps: RetentionLoopDeps): Promise<void> {
  const what = deps.what ?? 'records';
  const cutoff = new Date(deps.clock.now().getTime() - deps.retention);
  try {
    const pruned = await deps.prune(cutoff);
    const total = Object.values(pruned).reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
    if (total > 0) deps.logger.info({ pruned, cutoff }, `pruned ${what} past retention`);
    else deps.logger.debug({ cutoff }, `no ${what} past retention`);
  } catch (error) {
    deps.logger.error({ err: error, cutoff }, `pruning ${what} past retention failed; will try again`);
  }
}
