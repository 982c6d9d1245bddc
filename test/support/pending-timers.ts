import type { Job, Queue } from 'bullmq';
import { WEEKLY_REVIEW_JOB } from '../../src/adapters/bullmq/timer-queue.js';

/** The incident timers waiting in the queue (the weekly review's repeat job left out). */
export async function pendingTimers(queue: Queue): Promise<Job<{ key: string; dueAt: string }>[]> {
  return (await queue.getDelayed()).filter((job) => job.name !== WEEKLY_REVIEW_JOB);
}

/** Their keys, sorted: `['escalation', 'hold-end']`. */
export async function pendingTimerKeys(queue: Queue): Promise<string[]> {
  return (await pendingTimers(queue)).map((job) => job.data.key).sort();
}
