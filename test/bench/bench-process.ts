import { type BotProcess, botProcessEnv, spawnBot, waitUntilHealthy } from '../support/bot-process.js';
import type { SlackRequestTarget } from '../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in/index.js';
import { BENCH_SIGNING_SECRET, BENCH_TEAM } from './bench-bot.js';
import { type BenchDatabase, withBenchDatabase } from './bench-database.js';
import { benchRedisUrl, withQueuePrefix } from './bench-redis.js';

/** A real bot process (or the bare Bolt floor) and what it talks to. */
export interface BenchProcess {
  readonly process: BotProcess;
  readonly slack: SlackStandIn;
  readonly database: BenchDatabase;
  readonly prefix: string;
  readonly target: SlackRequestTarget;
}

/**
 * Runs `work` against `entry` (default the bot, `src/main.ts` as `npm start` runs it) as a process
 * of its own: its CPU and memory are its own, not shared with the load generator or the stand-in.
 * A database, a queue prefix and a Slack stand-in of its own; all stopped and removed afterwards.
 */
export function withBenchProcess<T>(
  entry: string | undefined,
  work: (bench: BenchProcess) => Promise<T>,
): Promise<T> {
  return withBenchDatabase((database) =>
    withQueuePrefix(async (prefix) => {
      const slack = await startSlackStandIn({ teamId: BENCH_TEAM, botUserId: 'UBOT' });
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
      const process = spawnBot(env, entry);
      try {
        await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, process, 60_000);
        const target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: BENCH_SIGNING_SECRET };
        return await work({ process, slack, database, prefix, target });
      } finally {
        process.child.kill('SIGTERM');
        await process.exited;
        await slack.stop();
      }
    }),
  );
}
