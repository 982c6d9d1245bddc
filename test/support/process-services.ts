import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { type BotProcess, botProcessEnv, spawnBot, waitUntilHealthy } from './bot-process.js';
import { SIGNING_SECRET } from './bot-under-test.js';
import { deleteQueueKeys } from './queue-keys.js';
import type { SlackRequestTarget } from './slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in/index.js';
import { startedLater } from './started-later.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** A Slack stand-in, a database and a queue prefix of a test's own, for bot processes to share. */
export interface ProcessServices {
  readonly slack: SlackStandIn;
  readonly database: TestDatabase;
  readonly queuePrefix: string;
  /**
   * Spawns a bot process against these services, on a free port, and waits until it is healthy
   * (killing it when it never is). The caller kills it when done.
   */
  spawnHealthy(extra?: Record<string, string>): Promise<{ bot: BotProcess; target: SlackRequestTarget }>;
}

/**
 * {@link ProcessServices} for a whole `describe`: a beforeAll starts them, an afterAll stops them and
 * removes the queue's keys. `label` names the queue prefix (`ic-<label>-…`).
 */
export function useProcessServices(label: string): ProcessServices {
  let services: ProcessServices | undefined;
  let started: { slack?: SlackStandIn; database?: TestDatabase } = {};
  const queuePrefix = `ic-${label}-${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    const slack = await startSlackStandIn({ botUserId: 'UBOT' });
    started = { slack };
    const database = await createTestDatabase();
    started = { slack, database };
    services = {
      slack,
      database,
      queuePrefix,
      spawnHealthy: (extra) => spawnHealthy(slack, database, extra),
    };
  });
  afterAll(async () => {
    await started.slack?.stop();
    await started.database?.drop();
    await deleteQueueKeys(inject('redisUrl'), queuePrefix);
  });

  async function spawnHealthy(
    slack: SlackStandIn,
    database: TestDatabase,
    extra: Record<string, string> = {},
  ) {
    const { port, env } = await botProcessEnv(
      {
        slackUrl: slack.url,
        databaseUrl: database.url,
        redisUrl: inject('redisUrl'),
        queuePrefix,
        signingSecret: SIGNING_SECRET,
      },
      extra,
    );
    const bot = spawnBot(env);
    try {
      await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, bot);
    } catch (error) {
      bot.child.kill('SIGKILL');
      throw error;
    }
    return { bot, target: { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET } };
  }

  return startedLater(() => services, `the services for "${label}" bot processes`);
}
