import { randomBytes, randomUUID } from 'node:crypto';
import type { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisConnection } from '../../src/adapters/bullmq/redis-connection.js';
import type { TimerJob } from '../../src/adapters/bullmq/timer-job.js';
import { createTimerQueue } from '../../src/adapters/bullmq/timer-queue.js';
import { createTimerScheduler } from '../../src/adapters/bullmq/timer-scheduler.js';
import { createTimerWorker } from '../../src/adapters/bullmq/timer-worker.js';
import { systemClock } from '../../src/app/ports/clock.js';
import type { TimerScheduler } from '../../src/app/ports/timer-scheduler.js';
import type { TimerKind } from '../../src/domain/index.js';
import { deleteQueueKeys } from '../support/queue-keys.js';
import { shiftedClock } from '../support/shifted-clock.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
/** A wanted timer; chores may fire later than due (working hours), live ones fire when due. */
const timer = (kind: TimerKind, key: string, dueAt: string, fireAt = dueAt) => ({ kind, key, dueAt, fireAt });

describe('the timers queue on real Redis', () => {
  const prefix = `ic-tq-${randomBytes(3).toString('hex')}`;
  const redis = createRedisConnection(inject('redisUrl'), 'test', 'fail-fast');
  const workerRedis = createRedisConnection(inject('redisUrl'), 'test-worker', 'blocking');
  const fired: (TimerJob & { at: number })[] = [];
  let queue: Queue;
  let worker: Worker;
  let scheduler: TimerScheduler;

  beforeAll(async () => {
    queue = createTimerQueue(redis, prefix, silent);
    worker = createTimerWorker({
      connection: workerRedis,
      prefix,
      logger: silent,
      onFire: async (job) => {
        fired.push({ ...job, at: Date.now() });
      },
    });
    scheduler = createTimerScheduler(queue, redis, prefix, systemClock);
    void worker.run();
    await worker.waitUntilReady();
  });
  afterAll(async () => {
    await worker.close();
    await queue.close();
    await deleteQueueKeys(inject('redisUrl'), prefix);
    await Promise.all([redis.quit(), workerRedis.quit()]);
  });

  it('fires a scheduled timer once, close to its due time, even when it is synced several times', async () => {
    const incidentId = randomUUID();
    const dueAt = inMs(500);
    const wanted = [timer('hold-end', 'hold-end', dueAt)];
    await Promise.all([scheduler.sync(incidentId, wanted), scheduler.sync(incidentId, wanted)]);
    await scheduler.sync(incidentId, wanted);
    expect(await scheduler.scheduled(incidentId)).toEqual(wanted);

    await expect
      .poll(() => fired.filter((f) => f.incidentId === incidentId).length, { timeout: 5_000 })
      .toBe(1);
    const firing = fired.find((f) => f.incidentId === incidentId);
    expect(firing).toMatchObject(timer('hold-end', 'hold-end', dueAt));
    expect(Math.abs((firing?.at ?? 0) - Date.parse(dueAt))).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fired.filter((f) => f.incidentId === incidentId)).toHaveLength(1);
  });

  it('removes timers the state no longer wants, so they never fire', async () => {
    const incidentId = randomUUID();
    await scheduler.sync(incidentId, [
      timer('escalation', 'escalation', inMs(400)),
      timer('hold-end', 'hold-end', inMs(400)),
    ]);
    await scheduler.sync(incidentId, []);
    expect(await scheduler.scheduled(incidentId)).toEqual([]);
    // Past the due time by more than the worker's usual lateness: a surviving job would have fired.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(fired.filter((f) => f.incidentId === incidentId)).toEqual([]);
  });

  it('moves a timer whose due time changed: the old one is dropped, the new one fires', async () => {
    const incidentId = randomUUID();
    await scheduler.sync(incidentId, [timer('update-due', 'update-due', inMs(60_000))]);
    const sooner = inMs(300);
    await scheduler.sync(incidentId, [timer('update-due', 'update-due', sooner)]);
    expect((await scheduler.scheduled(incidentId)).map((t) => t.dueAt)).toEqual([sooner]);
    await expect
      .poll(() => fired.filter((f) => f.incidentId === incidentId).map((f) => f.dueAt), { timeout: 5_000 })
      .toEqual([sooner]);
  });

  it('can schedule the same timer again after it fired (a finished job does not block its id)', async () => {
    const incidentId = randomUUID();
    const dueAt = inMs(200);
    await scheduler.sync(incidentId, [timer('update-due', 'nudge', dueAt)]);
    await expect
      .poll(() => fired.filter((f) => f.incidentId === incidentId).length, { timeout: 5_000 })
      .toBe(1);
    await scheduler.sync(incidentId, [timer('update-due', 'nudge', dueAt)]);
    await expect
      .poll(() => fired.filter((f) => f.incidentId === incidentId).length, { timeout: 5_000 })
      .toBe(2);
  });

  it('fires a chore at its placed time, not its due time, and hands back both', async () => {
    const incidentId = randomUUID();
    const dueAt = inMs(-60_000);
    const fireAt = inMs(400);
    await scheduler.sync(incidentId, [timer('follow-up-reminder', 'follow-up-f1-before', dueAt, fireAt)]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fired.filter((f) => f.incidentId === incidentId)).toEqual([]);
    await expect
      .poll(() => fired.filter((f) => f.incidentId === incidentId).length, { timeout: 5_000 })
      .toBe(1);
    const firing = fired.find((f) => f.incidentId === incidentId);
    expect(firing).toMatchObject({ dueAt, fireAt });
    expect(firing?.at ?? 0).toBeGreaterThanOrEqual(Date.parse(fireAt) - 50);
  });

  it("counts a delay from the bot's clock, not the host's: due in 300 ms by a clock an hour ahead fires in 300 ms", async () => {
    const clock = shiftedClock(inMs(3_600_000));
    const ahead = createTimerScheduler(queue, redis, prefix, clock);
    const incidentId = randomUUID();
    const dueAt = new Date(clock.now().getTime() + 300).toISOString();
    const syncedAt = Date.now();
    await ahead.sync(incidentId, [timer('hold-end', 'hold-end', dueAt)]);
    await expect
      .poll(() => fired.filter((f) => f.incidentId === incidentId).length, { timeout: 5_000 })
      .toBe(1);
    expect((fired.find((f) => f.incidentId === incidentId)?.at ?? 0) - syncedAt).toBeLessThan(3_000);
  });

  it('fails a job with a bad payload without retrying it', async () => {
    const job = await queue.add(
      'bogus',
      { incidentId: 'not-a-uuid' },
      { attempts: 5, jobId: `bogus-${randomUUID()}` },
    );
    await expect
      .poll(async () => (await queue.getJob(job.id ?? ''))?.failedReason ?? '', { timeout: 5_000 })
      .toContain('bad payload');
    expect((await queue.getJob(job.id ?? ''))?.attemptsMade).toBe(1);
  });
});
