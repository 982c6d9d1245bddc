import { describe, expect, it } from 'vitest';
import { freePort, spawnBot } from '../support/bot-process.js';

// Marked so that finding them anywhere in the output can only mean a leak.
const DATABASE_PASSWORD = 'Pw-db-s3cret"@/#';
const REDIS_PASSWORD = 'Pw-redis-s3cret';

describe('the bot process never prints a password it was given', () => {
  it('refuses a bad DATABASE_URL and REDIS_URL naming them, with the passwords hidden', async () => {
    const bot = spawnBot({
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_SIGNING_SECRET: 's',
      DATABASE_URL: `mysql://app:${DATABASE_PASSWORD}@db:5432/ic`,
      REDIS_URL: `redis://:${REDIS_PASSWORD}@cache:99999`,
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain(
      'DATABASE_URL: expected a URL like postgres://user@host:5432/db, got "mysql://app:***@db:5432/ic"',
    );
    expect(bot.stderr()).toContain(
      'REDIS_URL: expected a URL like redis://127.0.0.1:6379, got "redis://:***@cache:99999"',
    );
    expect(bot.stderr() + bot.stdout()).not.toMatch(/Pw-db|Pw-redis/);
  });

  it('fails to start when PostgreSQL cannot be reached, without the password in what it prints', async () => {
    const closedPort = await freePort();
    const bot = spawnBot({
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_SIGNING_SECRET: 's',
      DATABASE_URL: `postgres://app:${encodeURIComponent(DATABASE_PASSWORD)}@127.0.0.1:${closedPort}/ic`,
      REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:${closedPort}`,
      LOG_LEVEL: 'trace',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('incident-commander failed to start:');
    expect(bot.stderr()).toContain('ECONNREFUSED');
    expect(bot.stderr() + bot.stdout()).not.toMatch(/Pw-db|Pw-redis|s3cret/);
  });
});
