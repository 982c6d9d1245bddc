import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../app/ports/logger.js';
import { TIMERS_QUEUE, type TimerJob, timerJobSchema } from './timer-job.js';
import { WEEKLY_REVIEW_JOB } from './timer-queue.js';

export interface TimerWorkerOptions {
  /** Its own connection: a worker blocks on Redis while it waits for jobs. */
  readonly connection: Redis;
  readonly prefix: string;
  readonly logger: Logger;
  /** Runs a fired timer through the command path. */
  readonly onFire: (job: TimerJob) => Promise<void>;
  /** Posts the weekly follow-up review (the one repeatable job). */
  readonly onWeeklyReview?: () => Promise<void>;
  readonly concurrency?: number;
}

/**
 * The worker that fires timers. A payload that does not parse fails for good (no retries); a
 * firing that throws (the database is down) is retried by BullMQ with the job's backoff.
 */
export function createTimerWorker(options: TimerWorkerOptions): Worker {
  const worker = new Worker(
    TIMERS_QUEUE,
    async (job) => {
      if (job.name === WEEKLY_REVIEW_JOB) return options.onWeeklyReview?.();
      const parsed = timerJobSchema.safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(`timer job ${job.id} has a bad payload: ${parsed.error.message}`);
      await options.onFire(parsed.data);
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 4,
      autorun: false,
    },
  );
  worker.on('failed', (job, error) =>
    options.logger.warn(
      { jobId: job?.id, job: job?.name, err: error, attemptsMade: job?.attemptsMade },
      'timer job failed',
    ),
  );
  worker.on('error', (error) => options.logger.error({ err: error }, 'timer worker error'));
  return worker;
}

/** Closes the worker, waiting for running jobs at most `graceMs` (then it stops waiting; BullMQ re-runs them). */
export async function closeTimerWorker(worker: Worker, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  const closed = await Promise.race([worker.close(), grace]);
  clearTimeout(timer);
  if (closed === 'late') await worker.close(true);
}
