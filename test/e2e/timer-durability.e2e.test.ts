import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TIMERS_QUEUE } from '../../src/adapters/bullmq/timer-job.js';
import { createDatabase } from '../../src/adapters/postgres/database.js';
import { botProcessEnv, spawnBot, waitUntilHealthy } from '../support/bot-process.js';
import { type BotUnderTest, SIGNING_SECRET, startBotUnderTest } from '../support/bot-under-test.js';
import { eventTime as at, incidentDriver } from '../support/incident-driver.js';
import { pendingTimerKeys } from '../support/pending-timers.js';
import { deleteQueueKeys } from '../support/queue-keys.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const DANA = 'U0DANA';
/** A Redis database number of this file's own, so FLUSHDB leaves other test files alone. */
const OWN_REDIS_DB = 9;

describe('timers survive a killed process', () => {
  let slack: SlackStandIn;
  let database: TestDatabase;
  const queuePrefix = `ic-kill-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    slack = await startSlackStandIn({ botUserId: 'UBOT' });
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await slack?.stop();
    await database?.drop();
    await deleteQueueKeys(inject('redisUrl'), queuePrefix);
  });

  it('SIGKILLed while timers are pending and started again: each due timer fires once, on time', async () => {
    const db = createDatabase({ connectionString: database.url, maxConnections: 2 });
    const env = () =>
      botProcessEnv(
        {
          slackUrl: slack.url,
          databaseUrl: database.url,
          redisUrl: inject('redisUrl'),
          queuePrefix,
          signingSecret: SIGNING_SECRET,
        },
        { DIAGNOSIS_HOLD: 'PT10S', ESCALATE_AFTER: 'PT12S', UPDATE_CADENCE: 'SEV1=PT0S,SEV2=PT0S' },
      );
    const first = await env();
    const bot = spawnBot(first.env);
    const queue = new Queue(TIMERS_QUEUE, { connection: { url: inject('redisUrl') }, prefix: queuePrefix });
    let restarted: ReturnType<typeof spawnBot> | null = null;
    try {
      await waitUntilHealthy(`http://127.0.0.1:${first.port}/healthz`, bot);
      const drive = incidentDriver({
        slack,
        db,
        target: { url: `http://127.0.0.1:${first.port}/slack/events`, signingSecret: SIGNING_SECRET },
      });
      const incident = await drive.open('Queue backlog growing', DANA);
      await expect.poll(() => pendingTimerKeys(queue)).toEqual(['escalation', 'hold-end']);
      bot.child.kill('SIGKILL');
      expect(await bot.exited).toBe('SIGKILL');

      const second = await env();
      restarted = spawnBot(second.env);
      await waitUntilHealthy(`http://127.0.0.1:${second.port}/healthz`, restarted);
      await expect
        .poll(async () => (await drive.events(incident.id, 'IncidentEscalated')).length, { timeout: 15_000 })
        .toBe(1);
      const opened = at((await drive.events(incident.id, 'IncidentOpened'))[0]);
      const holdEnded = await drive.events(incident.id, 'HoldEnded');
      expect(holdEnded).toHaveLength(1);
      expect(Math.abs(at(holdEnded[0]) - (opened + 10_000))).toBeLessThan(2_000);
      expect(
        Math.abs(at((await drive.events(incident.id, 'IncidentEscalated'))[0]) - (opened + 12_000)),
      ).toBeLessThan(2_000);
      await expect
        .poll(
          () =>
            drive.posted(incident.channel).filter((c) => String(c.args.text).includes('hold is over')).length,
        )
        .toBe(1);
    } finally {
      bot.child.kill('SIGKILL');
      restarted?.child.kill('SIGKILL');
      await queue.close();
      await db.destroy();
    }
  });
});

describe('timers come back after Redis loses them', () => {
  let t: BotUnderTest;
  let redisUrl = '';

  beforeAll(async () => {
    const url = new URL(inject('redisUrl'));
    url.pathname = `/${OWN_REDIS_DB}`;
    redisUrl = url.toString();
    t = await startBotUnderTest({
      env: {
        REDIS_URL: redisUrl,
        DIAGNOSIS_HOLD: 'PT4S',
        ESCALATE_AFTER: 'PT6S',
        UPDATE_CADENCE: 'SEV1=PT0S,SEV2=PT0S',
        TIMER_RECONCILE_EVERY: 'PT1S',
      },
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('after FLUSHDB, within one reconcile interval the timers are back and fire on time', async () => {
    const drive = incidentDriver(t);
    const queue = new Queue(TIMERS_QUEUE, { connection: { url: redisUrl }, prefix: t.queuePrefix });
    const redis = new Redis(redisUrl);
    try {
      const incident = await drive.open('Cache cluster evicting', DANA);
      await expect.poll(() => pendingTimerKeys(queue)).toEqual(['escalation', 'hold-end']);
      await redis.flushdb();
      expect(await pendingTimerKeys(queue)).toEqual([]);
      const flushedAt = Date.now();
      await expect
        .poll(() => pendingTimerKeys(queue), { timeout: 3_000, interval: 50 })
        .toEqual(['escalation', 'hold-end']);
      // One reconcile interval (1 s), plus the pass itself.
      expect(Date.now() - flushedAt).toBeLessThan(1_000 + 1_000);

      await expect
        .poll(async () => (await drive.events(incident.id, 'IncidentEscalated')).length, { timeout: 10_000 })
        .toBe(1);
      const opened = at((await drive.events(incident.id, 'IncidentOpened'))[0]);
      const holdEnded = await drive.events(incident.id, 'HoldEnded');
      expect(holdEnded).toHaveLength(1);
      expect(Math.abs(at(holdEnded[0]) - (opened + 4_000))).toBeLessThan(2_000);
      expect(
        Math.abs(at((await drive.events(incident.id, 'IncidentEscalated'))[0]) - (opened + 6_000)),
      ).toBeLessThan(2_000);
    } finally {
      redis.disconnect();
      await queue.close();
    }
  });
});
