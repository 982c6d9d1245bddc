import type { Job, Queue } from 'bullmq';
import { expect } from 'vitest';
import type { Clock } from '../../src/app/ports/clock.js';
import { nextWorkingMoment } from '../../src/app/working-hours.js';

type TimerData = { key: string; dueAt: string; fireAt: string };

/**
 * Chores wait for the recipient's working hours, which may be days away by the bot's clock. This
 * checks where each job was placed and runs it: a job placed in an open window fires by itself; a
 * job held for working hours is promoted (run now) once its due time has passed. The firing path
 * is the real one either way, only the wait for working hours is skipped. `clock` is the bot's.
 */
export function placedTimers(queue: Queue, clock: Clock) {
  const delayed = async (key: string) =>
    ((await queue.getDelayed()) as Job<TimerData>[]).find((job) => job.data.key === key);

  return {
    delayed,
    /**
     * Runs the chore `key` and waits until `fired` says it has. Returns when the job was held
     * until (its placed time, later than both its due time and the bot's now), or null when it was
     * not held: placed in an open window, or already fired before it could be looked at.
     */
    async runPlaced(
      key: string,
      zone: string,
      fired: () => Promise<boolean>,
    ): Promise<{ heldUntil: string | null }> {
      let job: Job<TimerData> | undefined;
      let seenAt = 0;
      const placedOrFired = async () => {
        seenAt = clock.now().getTime();
        job = await delayed(key);
        return job !== undefined || (await fired());
      };
      await expect.poll(placedOrFired, { timeout: 5_000 }).toBe(true);
      if (!job) return { heldUntil: null };
      const { dueAt, fireAt } = job.data;
      expect(fireAt).toBe(nextWorkingMoment(dueAt, zone));
      const held = Date.parse(fireAt) > Math.max(Date.parse(dueAt), seenAt);
      if (held) {
        const wait = Date.parse(dueAt) - clock.now().getTime();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 10));
        await promoteUnlessMovedOn(job);
      }
      // Not held: it fires by itself at its placed time, within a few seconds of now.
      await expect.poll(fired, { timeout: 5_000 }).toBe(true);
      return { heldUntil: held ? fireAt : null };
    },
  };
}

/**
 * Promotes a delayed job. Between looking at a job and promoting it, the job may have come due and
 * moved on by itself (waiting, active, or done and removed), and `promote` then throws: that is
 * fine, the caller checks that it fired. Only a job still delayed means promoting really failed.
 */
async function promoteUnlessMovedOn(job: Job): Promise<void> {
  try {
    await job.promote();
  } catch (error) {
    if ((await job.getState()) === 'delayed') throw error;
  }
}
