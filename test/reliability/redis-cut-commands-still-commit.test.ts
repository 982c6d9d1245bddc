import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { incidentDriver } from '../support/incident-driver.js';
import { pendingTimers } from '../support/pending-timers.js';
import { ackText } from '../support/slack-requests.js';
import type { TcpProxy } from '../support/tcp-proxy.js';
import { DANA, slashIn, throughProxy, timersQueue } from './support/rig.js';

/** The reconcile puts back every timer the state wants this often. */
const RECONCILE_EVERY_MS = 1_000;
const HOLD_MS = 6_000;

/**
 * Redis holds only the timers, which are derived from PostgreSQL: while it is unreachable people
 * keep working (commands commit and are answered), and once it is back the reconcile schedules
 * what the state calls for, and the timers fire.
 */
describe('redis cut commands still commit', () => {
  let proxy: TcpProxy;
  let t: BotUnderTest;
  let queue: Queue;

  beforeAll(async () => {
    const proxied = await throughProxy(inject('redisUrl'));
    proxy = proxied.proxy;
    t = await startBotUnderTest({
      env: {
        REDIS_URL: proxied.url,
        TIMER_RECONCILE_EVERY: `PT${RECONCILE_EVERY_MS / 1000}S`,
        DIAGNOSIS_HOLD: `PT${HOLD_MS / 1000}S`,
        ESCALATE_AFTER: 'PT0S',
      },
    });
    queue = timersQueue(t.queuePrefix);
  });
  afterAll(async () => {
    proxy?.restore();
    await queue?.close();
    await t?.stop();
    await proxy?.close();
  });

  const timersOf = async (incidentId: string) =>
    (await pendingTimers(queue)).filter((job) => job.id?.includes(incidentId)).map((job) => job.data.key);

  it('commits and answers commands while Redis is unreachable; once back, the timers are set and fire', async () => {
    const drive = incidentDriver(t);
    // A quiet bot first: its start-up reconcile long done, timers scheduled as usual.
    const before = await drive.open('Before the cut', DANA, t.slack.responseUrl());
    await expect.poll(() => timersOf(before.id)).toContain('hold-end');
    proxy.cut();
    let incident: Awaited<ReturnType<typeof drive.open>>;
    try {
      // Opened, with its channel and pinned header, while Redis is down.
      incident = await drive.open('Redis went away', DANA, t.slack.responseUrl());
      const typed = await slashIn(t.target, incident, 'hypothesis The Redis failover is stuck');
      expect(typed.elapsedMs).toBeLessThan(3_000);
      expect(ackText(typed)).toBe('Hypothesis added to the header.');
      expect(await drive.events(incident.id, 'HypothesisProposed')).toHaveLength(1);
      // Its timers could not be scheduled.
      expect(await timersOf(incident.id)).toEqual([]);
    } finally {
      proxy.restore();
    }

    // Within about one reconcile interval of Redis answering again.
    await expect.poll(() => timersOf(incident.id), { timeout: 5_000, interval: 50 }).toContain('hold-end');
    await expect
      .poll(async () => (await drive.events(incident.id, 'HoldEnded')).length, { timeout: HOLD_MS + 10_000 })
      .toBe(1);
  });
});
