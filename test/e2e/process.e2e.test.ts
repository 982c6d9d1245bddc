import { describe, expect, it } from 'vitest';
import { spawnBot } from '../support/bot-process.js';
import { useProcessServices } from '../support/process-services.js';
import { sendSlashCommand } from '../support/slack-requests.js';

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
    const services = useProcessServices('proc');

    it('stops taking requests, finishes the work under way, closes everything and exits 0', async () => {
      const { slack } = services;
      const { bot, target } = await services.spawnHealthy({ LOG_LEVEL: 'info' });
      try {
        // Slow Slack down so the incident is still being set up when the signal arrives.
        slack.setLatency('conversations.create', 800);
        const response = await sendSlashCommand(target, {
          text: 'open Disk full on db-1',
          responseUrl: slack.responseUrl(),
        });
        expect(response.status).toBe(200);
        bot.child.kill('SIGTERM');

        expect(await bot.exited).toBe(0);
        // The work under way was finished, not abandoned.
        expect(slack.callsTo('conversations.create')).toHaveLength(1);
        expect(slack.callsTo('pins.add')).toHaveLength(1);
        expect(bot.stdout()).toContain('"msg":"stopped"');
        await expect(fetch(new URL('/healthz', target.url))).rejects.toThrow();
      } finally {
        bot.child.kill('SIGKILL');
      }
    });
  });
});
