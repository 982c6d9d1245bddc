import pino from 'pino';
import type { Clock } from '../../src/app/ports/clock.js';
import { type RunningBot, startBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config/load-config.js';
import { spedUpTiming } from '../../src/sandbox/timing.js';
import type { SlackRequestTarget } from '../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in/index.js';
import { type BenchDatabase, withBenchDatabase } from './bench-database.js';
import { benchRedisUrl, withQueuePrefix } from './bench-redis.js';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret';
export const BENCH_TEAM = 'T0001';
const BOT_USER = 'UBOT';

/** The real bot in this process (HTTP mode, as `npm start` wires it) and what it talks to. */
export interface BenchBot {
  readonly bot: RunningBot;
  readonly slack: SlackStandIn;
  readonly database: BenchDatabase;
  readonly target: SlackRequestTarget;
}

export interface BenchBotOptions {
  /** Extra environment (timing, say) on top of the bench's: silent logs, no weekly review. */
  readonly env?: Record<string, string>;
  readonly clock?: Clock;
  /** Runs the timing (hold, escalation, update cadence, postmortem due) this many times faster. */
  readonly speed?: number;
}

/**
 * Runs `work` against the real bot (`startBot`) with a database and a queue prefix of its own and a
 * Slack stand-in; everything is stopped and removed afterwards.
 */
export function withBenchBot<T>(options: BenchBotOptions, work: (bench: BenchBot) => Promise<T>): Promise<T> {
  return withBenchDatabase((database) =>
    withQueuePrefix(async (prefix) => {
      const slack = await startSlackStandIn({
        teamId: BENCH_TEAM,
        botUserId: BOT_USER,
        ...(options.clock ? { clock: options.clock } : {}),
      });
      const env = {
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        DATABASE_URL: database.url,
        REDIS_URL: benchRedisUrl(),
        PORT: '0',
        LOG_LEVEL: 'silent',
        QUEUE_PREFIX: prefix,
        WEEKLY_REVIEW: 'off',
        ...options.env,
      };
      const atRealPace = loadConfig(env);
      const config = options.speed
        ? loadConfig({ ...env, ...spedUpTiming(atRealPace.timing, options.speed) })
        : atRealPace;
      try {
        const bot = await startBot({
          config,
          logger: pino({ level: 'silent' }),
          botUserId: BOT_USER,
          ...(options.clock ? { clock: options.clock } : {}),
        });
        try {
          const target = {
            url: `http://127.0.0.1:${bot.port}/slack/events`,
            signingSecret: BENCH_SIGNING_SECRET,
          };
          return await work({ bot, slack, database, target });
        } finally {
          await bot.stop();
        }
      } finally {
        await slack.stop();
      }
    }),
  );
}

/** Resolves once every Slack side effect written so far has been performed (or given up). */
export { waitForOutboxSettled as outboxSettled } from '../support/outbox-settled.js';
