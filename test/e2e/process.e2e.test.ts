import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { botProcessEnv, spawnBot, waitUntilHealthy } from '../support/bot-process.js';
import { SIGNING_SECRET } from '../support/bot-under-test.js';
import { deleteQueueKeys } from '../support/queue-keys.js';
import { sendSlashCommand } from '../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('the bot process', () => {
  it('refuses to start with a bad configuration, one clear line per problem, and exits non-zero', async () => {
    const bot = spawnBot({
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_SIGNING_SECRET: 's',
      DIAGNOSIS_HOLD: '10m',
      PORT: 'http',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('DIAGNOSIS_HOLD: expected an ISO-8601 duration like PT10M, got "10m"');
    expect(bot.stderr()).toContain('PORT: expected a port number like 3000, got "http"');
  });

  describe('on SIGTERM', () => {
    let slack: SlackStandIn;
    let database: TestDatabase;
    const queuePrefix = `ic-proc-${randomBytes(3).toString('hex')}`;

    beforeAll(async () => {
      slack = await startSlackStandIn({ botUserId: 'UBOT' });
      database = await createTestDatabase();
    });
    afterAll(async () => {
      await slack?.stop();
      await database?.drop();
      await deleteQueueKeys(inject('redisUrl'), queuePrefix);
    });

    it('stops taking requests, finishes the work under way, closes everything and exits 0', async () => {
      const { port, env } = await botProcessEnv(
        {
          slackUrl: slack.url,
          databaseUrl: database.url,
          redisUrl: inject('redisUrl'),
          queuePrefix,
          signingSecret: SIGNING_SECRET,
        },
        { LOG_LEVEL: 'info' },
      );
      const bot = spawnBot(env);
      try {
        await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, bot);
        // Slow Slack down so the incident is still being set up when the signal arrives.
        slack.setLatency('conversations.create', 800);
        const response = await sendSlashCommand(
          { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET },
          { text: 'open Disk full on db-1', responseUrl: slack.responseUrl() },
        );
        expect(response.status).toBe(200);
        bot.child.kill('SIGTERM');

        expect(await bot.exited).toBe(0);
        // The work under way was finished, not abandoned.
        expect(slack.callsTo('conversations.create')).toHaveLength(1);
        expect(slack.callsTo('pins.add')).toHaveLength(1);
        expect(bot.stdout()).toContain('"msg":"stopped"');
        await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      } finally {
        bot.child.kill('SIGKILL');
      }
    });
  });
});
