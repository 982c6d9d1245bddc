import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../app/ports/logger.js';
import { TIMERS_QUEUE, type TimerJob, timerJobSchema } from './timer-job.js';

export interface TimerQueueOptions {
  readonly connection: Redis;
  /** A second connection for the worker: it blocks while waiting for jobs. */
  readonly workerConnection: Redis;
  /** BullMQ key prefix; tests give each file its own so nothing leaks between them. */
  readonly prefix: string;
  readonly logger: Logger;
  /** Runs a fired timer through the normal command path. */
  readonly onFire: (job: TimerJob) => Promise<void>;
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

  start(): void {
    void this.worker.run();
  }

  /** Waits for running jobs to finish, then closes the worker and the queue. */
  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
  }
}
