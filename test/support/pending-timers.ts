import { type Job, Queue } from 'bullmq';
import { inject } from 'vitest';
import { TIMERS_QUEUE } from '../../src/adapters/bullmq/timer-job.js';
import { WEEKLY_REVIEW_JOB } from '../../src/adapters/bullmq/timer-queue.js';

/** The bot's timers queue under its prefix, for a test to look into and add to; close it after. */
export function openTimersQueue(queuePrefix: string, redisUrl: string = inject('redisUrl')): Queue {
  return new Queue(TIMERS_QUEUE, { connection: { url: redisUrl }, prefix: queuePrefix });
}

/** The incident timers waiting in the queue (the weekly review's repeat job left out). */
export async function pendingTimers(queue: Queue): Promise<Job<{ key: string; dueAt: string }>[]> {
  return (await queue.getDelayed()).filter((job) => job.name !== WEEKLY_REVIEW_JOB);
}

/** Their keys, sorted: `['escalation', 'hold-end']`. */
export async function pendingTimerKeys(queue: Queue): Promise<string[]> {
  return (await pendingTimers(queue)).map((job) => job.data.key).sort();
}
