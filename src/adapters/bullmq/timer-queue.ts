import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../app/ports/logger.js';
import type { WeeklyReviewTime } from '../../config/weekly-review.js';
import { TIMERS_QUEUE, type TimerJob, timerJobSchema } from './timer-job.js';

export const WEEKLY_REVIEW_JOB = 'weekly-review';

/** `MON 09:00` as cron: minute hour * * weekday (cron counts Sunday as 0). */
export const weeklyCron = (time: WeeklyReviewTime): string =>
  `${time.minute} ${time.hour} * * ${time.weekday % 7}`;

export interface TimerQueueOptions {
  readonly connection: Redis;
  /** A second connection for the worker: it blocks while waiting for jobs. */
  readonly workerConnection: Redis;
  /** BullMQ key prefix; tests give each file its own so nothing leaks between them. */
  readonly prefix: string;
  readonly logger: Logger;
  /** Runs a fired timer through the normal command path. */
  readonly onFire: (job: TimerJob) => Promise<void>;
  /** Posts the weekly follow-up review (the one repeatable job). */
  readonly onWeeklyReview?: () => Promise<void>;
  readonly concurrency?: number;
}

/** The one BullMQ queue for timers, with its worker. */
export class TimerQueue {
  readonly queue: Queue;
  readonly worker: Worker;

  constructor(options: TimerQueueOptions) {
    this.queue = new Queue(TIMERS_QUEUE, { connection: options.connection, prefix: options.prefix });
    this.worker = new Worker(
      TIMERS_QUEUE,
      async (job) => {
        if (job.name === WEEKLY_REVIEW_JOB) return options.onWeeklyReview?.();
        const parsed = timerJobSchema.safeParse(job.data);
        if (!parsed.success) {
          throw new UnrecoverableError(`timer job ${job.id} has a bad payload: ${parsed.error.message}`);
        }
        await options.onFire(parsed.data);
      },
      {
        connection: options.workerConnection,
        prefix: options.prefix,
        concurrency: options.concurrency ?? 4,
        autorun: false,
      },
    );
    this.worker.on('failed', (job, error) =>
      options.logger.warn(
        { jobId: job?.id, err: error, attemptsMade: job?.attemptsMade },
        'timer job failed',
      ),
    );
    this.worker.on('error', (error) => options.logger.error({ err: error }, 'timer worker error'));
  }

  /**
   * One job scheduler per deployment, not per replica: upserting by a fixed id from every replica
   * leaves exactly one. `null` (WEEKLY_REVIEW=off) removes it.
   */
  async scheduleWeeklyReview(time: WeeklyReviewTime | null, timezone: string): Promise<void> {
    if (time === null) {
      await this.queue.removeJobScheduler(WEEKLY_REVIEW_JOB);
      return;
    }
    await this.queue.upsertJobScheduler(
      WEEKLY_REVIEW_JOB,
      { pattern: weeklyCron(time), tz: timezone },
      { name: WEEKLY_REVIEW_JOB, data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
  }

  start(): void {
    void this.worker.run();
  }

  /** Waits for running jobs to finish, then closes the worker and the queue. */
  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
  }
}
