import type { Job, Queue } from 'bullmq';
import { expect } from 'vitest';
import { nextWorkingMoment } from '../../src/app/working-hours.js';

type TimerData = { key: string; dueAt: string; fireAt: string };

/**
 * Chores wait for the recipient's working hours, which may be days away when a test runs. This
 * checks where each job was placed, then promotes it (runs it now) once its due time has passed:
 * the firing path is the real one, only the working-hours wait is skipped.
 */
export function placedTimers(queue: Queue) {
  const delayed = async (key: string) =>
    ((await queue.getDelayed()) as Job<TimerData>[]).find((job) => job.data.key === key);

  return {
    delayed,
    /** A job placed in a window that is open right now runs at once; `fired` tells when it has. */
    async runPlaced(key: string, zone: string, fired: () => Promise<boolean>): Promise<void> {
      let job: Job<TimerData> | undefined;
      const placedOrFired = async () => {
        job = await delayed(key);
        return job !== undefined || (await fired());
      };
      await expect.poll(placedOrFired, { timeout: 5_000 }).toBe(true);
      if (job) {
        expect(job.data.fireAt).toBe(nextWorkingMoment(job.data.dueAt, zone));
        const wait = Date.parse(job.data.dueAt) - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 10));
        if ((await job.getState()) === 'delayed') await job.promote();
      }
      await expect.poll(fired, { timeout: 5_000 }).toBe(true);
    },
  };
}
