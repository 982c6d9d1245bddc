import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../app/ports/logger.js';
import type { WeeklyReviewTime } from '../../config/weekly-review.js';
import { TIMERS_QUEUE } from './timer-job.js';

export const WEEKLY_REVIEW_JOB = 'weekly-review';

/** `MON 09:00` as cron: minute hour * * weekday (cron counts Sunday as 0). */
export const weeklyCron = (time: WeeklyReviewTime): string =>
  `${time.minute} ${time.hour} * * ${time.weekday % 7}`;

/** The one BullMQ queue for timers (its worker is separate: it needs the command path, built later). */
export function createTimerQueue(connection: Redis, prefix: string, logger: Logger): Queue {
  const queue = new Queue(TIMERS_QUEUE, { connection, prefix });
  // Without a listener BullMQ prints connection errors with console.error, past the redacting logger.
  queue.on('error', (error) => logger.warn({ err: error }, 'timers queue: Redis error'));
  return queue;
}

/**
 * One weekly-review job scheduler per deployment, not per replica: upserting by a fixed id from
 * every replica leaves exactly one. `null` (WEEKLY_REVIEW=off) removes it. Idempotent, so the
 * reconcile calls it every pass and a flushed Redis gets its scheduler back. A failed review is
 * retried with backoff.
 */
export async function scheduleWeeklyReview(
  queue: Queue,
  time: WeeklyReviewTime | null,
  timezone: string,
): Promise<void> {
  if (time === null) {
    await queue.removeJobScheduler(WEEKLY_REVIEW_JOB);
    return;
  }
  await queue.upsertJobScheduler(
    WEEKLY_REVIEW_JOB,
    { pattern: weeklyCron(time), tz: timezone },
    {
      name: WEEKLY_REVIEW_JOB,
      data: {},
      opts: {
        attempts: 6,
        backoff: { type: 'exponential', delay: 30_000 },
        removeOnComplete: 10,
        removeOnFail: 50,
      },
    },
  );
}
