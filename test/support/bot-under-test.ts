import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pino, { type Logger } from 'pino';
import { inject } from 'vitest';
import { createDatabase } from '../../src/adapters/postgres/database.js';
import type { Database } from '../../src/adapters/postgres/schema.js';
import { type Clock, systemClock } from '../../src/app/ports/clock.js';
import { type RunningBot, startBot } from '../../src/bot.js';
import type { Config } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { waitForOutboxSettled } from './outbox-settled.js';
import { deleteQueueKeys } from './queue-keys.js';
import { shiftedClock } from './shifted-clock.js';
import type { SlackRequestTarget } from './slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_USER_ID = 'UBOT';

export interface BotUnderTest {
  readonly slack: SlackStandIn;
  readonly bot: RunningBot;
  readonly config: Config;
  /**
   * The bot's clock. Anything a test compares with the bot's "now" (yesterday's date, how long
   * until a timer is due, the time of a command it sends itself) must read this, never Date.now().
   */
  readonly clock: Clock;
  /** A connection of the test's own to the bot's database, for assertions. */
  readonly db: Kysely<Database>;
  readonly database: TestDatabase;
  /** Where signed Slack requests go. */
  readonly target: SlackRequestTarget;
  readonly baseUrl: string;
  readonly queuePrefix: string;
  /** Resolves once every Slack side effect written so far has been performed (or given up). */
  outboxSettled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface BotUnderTestOptions {
  /** Extra environment, on top of the test defaults (short sweeps, silent logs, no review schedule). */
  readonly env?: Record<string, string>;
  /** Reuse a stand-in or database (e.g. a second bot process sharing them). */
  readonly slack?: SlackStandIn;
  readonly database?: TestDatabase;
  readonly queuePrefix?: string;
  /**
   * Starts the bot's clock at this instant (it then advances with real time), so a test does not
   * depend on when it runs. Default: the system clock.
   */
  readonly clockStartsAt?: string;
  /** Shares a clock, e.g. with a second bot of the same deployment; wins over `clockStartsAt`. */
  readonly clock?: Clock;
  /** The bot's logger (default: pino at `TEST_LOG_LEVEL`, silent unless set), e.g. to read its lines. */
  readonly logger?: Logger;
}

/**
 * The real bot, in this process, in HTTP mode, on a random port, with a database and a queue
 * prefix of the test's own, talking to a Slack stand-in.
 */
export async function startBotUnderTest(options: BotUnderTestOptions = {}): Promise<BotUnderTest> {
  const clock = options.clock ?? (options.clockStartsAt ? shiftedClock(options.clockStartsAt) : systemClock);
  const database = options.database ?? (await createTestDatabase());
  // Slack's message timestamps keep the same time as the bot (a reused stand-in keeps its own).
  const slack = options.slack ?? (await startSlackStandIn({ botUserId: BOT_USER_ID, clock }));
  const queuePrefix = options.queuePrefix ?? `ic-test-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    DATABASE_URL: database.url,
    REDIS_URL: inject('redisUrl'),
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_SWEEP_EVERY: 'PT0.2S',
    QUEUE_PREFIX: queuePrefix,
    // BullMQ fires the weekly review's schedule by real time, which no pinned clock moves (a run at
    // Monday 09:00 would post and take the day's review): tests add the review job themselves.
    WEEKLY_REVIEW: 'off',
    // The nudge to take command is one more timer and message in every incident nobody commands;
    // the tests about it turn it on with a short COMMANDER_NUDGE_AFTER.
    COMMANDER_NUDGE_AFTER: 'PT0S',
    ...options.env,
  });
  const logger = options.logger ?? pino({ level: config.logLevel });
  const bot = await startBot({ config, logger, clock, botUserId: BOT_USER_ID });
  const db = createDatabase({ connectionString: database.url, maxConnections: 2 });
  const baseUrl = `http://127.0.0.1:${bot.port}`;
  return {
    slack,
    bot,
    config,
    clock,
    db,
    database,
    baseUrl,
    queuePrefix,
    target: { url: `${baseUrl}/slack/events`, signingSecret: SIGNING_SECRET },
    outboxSettled: (timeoutMs?: number) => waitForOutboxSettled(db, timeoutMs),
    async stop() {
      await bot.stop();
      await db.destroy();
      if (!options.slack) await slack.stop();
      if (!options.database) await database.drop();
      await deleteQueueKeys(config.redisUrl, queuePrefix);
    },
  };
}
