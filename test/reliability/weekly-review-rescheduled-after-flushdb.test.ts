import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_REVIEW_JOB } from '../../src/adapters/bullmq/timer-queue.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { ownRedisDatabase, timersQueue } from './support/rig.js';

/** A Redis database number no other test file uses, so FLUSHDB there touches only this file. */
const OWN_REDIS_DB = 13;
const RECONCILE_EVERY_MS = 1_000;

/**
 * The weekly review is one BullMQ job scheduler, which lives only in Redis: a Redis that lost
 * everything gets it back from the reconcile, within one interval. (Whether the review would fire
 * while the test runs does not matter: the scheduler stays either way.)
 */
describe('weekly review rescheduled after FLUSHDB', () => {
  let t: BotUnderTest;
  let redisUrl: string;
  let queue: Queue;

  beforeAll(async () => {
    redisUrl = ownRedisDatabase(OWN_REDIS_DB);
    t = await startBotUnderTest({
      env: {
        REDIS_URL: redisUrl,
        WEEKLY_REVIEW: 'MON 09:00',
        TIMER_RECONCILE_EVERY: `PT${RECONCILE_EVERY_MS / 1000}S`,
      },
    });
    queue = timersQueue(t.queuePrefix, redisUrl);
  });
  afterAll(async () => {
    await queue?.close();
    await t?.stop();
  });

  const schedulers = async () => (await queue.getJobSchedulers()).map((s) => s.key);

  it('has the job scheduler back within one reconcile interval of FLUSHDB', async () => {
    await expect.poll(schedulers).toEqual([WEEKLY_REVIEW_JOB]);
    const redis = new Redis(redisUrl);
    try {
      // Emptied at once (no reconcile pass can slip in between the flush and the count).
      const results = await redis.multi().flushdb().dbsize().exec();
      expect(results?.[1]).toEqual([null, 0]);
    } finally {
      redis.disconnect();
    }
    const flushedAt = Date.now();

    await expect
      .poll(schedulers, { timeout: 3 * RECONCILE_EVERY_MS, interval: 25 })
      .toEqual([WEEKLY_REVIEW_JOB]);
    // One interval, plus the pass itself.
    expect(Date.now() - flushedAt).toBeLessThan(2 * RECONCILE_EVERY_MS);
    const [scheduler] = await queue.getJobSchedulers();
    expect(scheduler).toMatchObject({ pattern: '0 9 * * 1', tz: 'UTC' });
  });
});
