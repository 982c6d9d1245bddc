import { readFile } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { type BotProcess, botProcessEnv, spawnBot, waitUntilHealthy } from '../support/bot-process.js';
import { startSlackStandIn } from '../support/slack-stand-in/index.js';
import { BENCH_SIGNING_SECRET, outboxSettled } from './bench-bot.js';
import { withBenchDatabase } from './bench-database.js';
import { benchRedisUrl, withQueuePrefix } from './bench-redis.js';
import { slash } from './bench-slack.js';
import { megabytes, type Row, timesOf } from './report.js';
import { closedLoop, until } from './stats.js';

const INCIDENTS = 1_000;
const SETTLE_MS = 3_000;

/**
 * The resident memory of a real bot process (`src/main.ts`, as `npm start` runs it) holding 1,000
 * open incidents opened through Slack, with their timers scheduled, beside the same process idle.
 */
export function benchRss(): Promise<Row[]> {
  return withBenchDatabase((database) =>
    withQueuePrefix(async (prefix) => {
      const slack = await startSlackStandIn({ botUserId: 'UBOT' });
      const { port, env } = await botProcessEnv(
        {
          slackUrl: slack.url,
          databaseUrl: database.url,
          redisUrl: benchRedisUrl(),
          queuePrefix: prefix,
          signingSecret: BENCH_SIGNING_SECRET,
        },
        { WEEKLY_REVIEW: 'off', LOG_LEVEL: 'error' },
      );
      const bot = spawnBot(env);
      try {
        await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, bot, 60_000);
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const idle = await rssOf(bot);
        const target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: BENCH_SIGNING_SECRET };
        await closedLoop(INCIDENTS, 10, (i) => slash(target, `open Held ${i}`, `U0R${i % 50}`));
        await outboxSettled(database.db, 120_000);
        await until('every incident has its timers', () => timersAtLeast(prefix, INCIDENTS), 60_000);
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const loaded = await rssOf(bot);
        return [
          {
            figure: `RSS of the bot process with ${INCIDENTS.toLocaleString('en')} open incidents and their timers`,
            ours: megabytes(loaded),
            floor: `${megabytes(idle)} (the same process, idle)`,
            ratio: `${timesOf(loaded, idle)} idle (+${megabytes(loaded - idle)})`,
            target: '≤ 250 MB',
            met: loaded <= 250 * 1024 ** 2,
          },
        ];
      } finally {
        bot.child.kill('SIGTERM');
        await bot.exited;
        await slack.stop();
      }
    }),
  );
}

async function rssOf(bot: BotProcess): Promise<number> {
  const status = await readFile(`/proc/${bot.child.pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error('bench: no VmRSS for the bot process');
  return Number(kb) * 1024;
}

async function timersAtLeast(prefix: string, count: number): Promise<boolean> {
  const redis = new Redis(benchRedisUrl());
  try {
    return (await redis.zcard(`${prefix}:timers:delayed`)) >= count;
  } finally {
    redis.disconnect();
  }
}
