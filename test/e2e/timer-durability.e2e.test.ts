import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/adapters/postgres/database.js';
import type { BotProcess } from '../support/bot-process.js';
import { eventTime as at, type IncidentDriver, incidentDriver, useBot } from '../support/incident-driver.js';
import { openTimersQueue, pendingTimerKeys } from '../support/pending-timers.js';
import { useProcessServices } from '../support/process-services.js';

const DANA = 'U0DANA';
/** A Redis database number of this file's own, so FLUSHDB leaves other test files alone. */
const OWN_REDIS_DB = 9;

/** The hold ended and the incident escalated, once each, on time (within 2 s) after it was opened. */
async function expectFiredOnTime(
  drive: IncidentDriver,
  incidentId: string,
  due: { holdMs: number; escalateMs: number; timeout: number },
) {
  await expect
    .poll(async () => (await drive.events(incidentId, 'IncidentEscalated')).length, { timeout: due.timeout })
    .toBe(1);
  const opened = at((await drive.events(incidentId, 'IncidentOpened'))[0]);
  const holdEnded = await drive.events(incidentId, 'HoldEnded');
  expect(holdEnded).toHaveLength(1);
  expect(Math.abs(at(holdEnded[0]) - (opened + due.holdMs))).toBeLessThan(2_000);
  expect(
    Math.abs(at((await drive.events(incidentId, 'IncidentEscalated'))[0]) - (opened + due.escalateMs)),
  ).toBeLessThan(2_000);
}

describe('timers survive a killed process', () => {
  const services = useProcessServices('kill');

  it('SIGKILLed while timers are pending and started again: each due timer fires once, on time', async () => {
    const extra = { DIAGNOSIS_HOLD: 'PT10S', ESCALATE_AFTER: 'PT12S', UPDATE_CADENCE: 'SEV1=PT0S,SEV2=PT0S' };
    const db = createDatabase({ connectionString: services.database.url, maxConnections: 2 });
    const queue = openTimersQueue(services.queuePrefix);
    let first: BotProcess | null = null;
    let restarted: BotProcess | null = null;
    try {
      const started = await services.spawnHealthy(extra);
      first = started.bot;
      const drive = incidentDriver({ slack: services.slack, db, target: started.target });
      const incident = await drive.open('Queue backlog growing', DANA);
      await expect
        .poll(() => pendingTimerKeys(queue))
        .toEqual(['escalation-exec', 'escalation-senior', 'hold-end']);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');

      restarted = (await services.spawnHealthy(extra)).bot;
      await expectFiredOnTime(drive, incident.id, { holdMs: 10_000, escalateMs: 12_000, timeout: 15_000 });
      await expect
        .poll(
          () =>
            drive.posted(incident.channel).filter((c) => String(c.args.text).includes('hold is over')).length,
        )
        .toBe(1);
    } finally {
      first?.child.kill('SIGKILL');
      restarted?.child.kill('SIGKILL');
      await queue.close();
      await db.destroy();
    }
  });
});

describe('timers come back after Redis loses them', () => {
  const url = new URL(inject('redisUrl'));
  url.pathname = `/${OWN_REDIS_DB}`;
  const redisUrl = url.toString();
  const { t, drive } = useBot({
    env: {
      REDIS_URL: redisUrl,
      DIAGNOSIS_HOLD: 'PT4S',
      ESCALATE_AFTER: 'PT6S',
      UPDATE_CADENCE: 'SEV1=PT0S,SEV2=PT0S',
      TIMER_RECONCILE_EVERY: 'PT1S',
    },
  });

  it('after FLUSHDB, within one reconcile interval the timers are back and fire on time', async () => {
    const queue = openTimersQueue(t.queuePrefix, redisUrl);
    const redis = new Redis(redisUrl);
    try {
      const incident = await drive.open('Cache cluster evicting', DANA);
      await expect
        .poll(() => pendingTimerKeys(queue))
        .toEqual(['escalation-exec', 'escalation-senior', 'hold-end']);
      await redis.flushdb();
      expect(await pendingTimerKeys(queue)).toEqual([]);
      const flushedAt = Date.now();
      await expect
        .poll(() => pendingTimerKeys(queue), { timeout: 3_000, interval: 50 })
        .toEqual(['escalation-exec', 'escalation-senior', 'hold-end']);
      // One reconcile interval (1 s), plus the pass itself.
      expect(Date.now() - flushedAt).toBeLessThan(1_000 + 1_000);

      await expectFiredOnTime(drive, incident.id, { holdMs: 4_000, escalateMs: 6_000, timeout: 10_000 });
    } finally {
      redis.disconnect();
      await queue.close();
    }
  });
});
