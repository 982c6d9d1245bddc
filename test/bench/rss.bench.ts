import { readFile } from 'node:fs/promises';
import { Redis } from 'ioredis';
import type { BotProcess } from '../support/bot-process.js';
import { outboxSettled } from './bench-bot.js';
import { withBenchProcess } from './bench-process.js';
import { benchRedisUrl } from './bench-redis.js';
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
  return withBenchProcess(undefined, async ({ process, target, slack, database, prefix }) => {
    await settle();
    const idle = await rssOf(process);
    await closedLoop(INCIDENTS, 10, (i) =>
      slash(target, `open Held ${i}`, `U0R${i % 50}`, { responseUrl: slack.responseUrl() }),
    );
    await outboxSettled(database.db, 120_000);
    await until('every incident has its timers', () => timersAtLeast(prefix, INCIDENTS), 60_000);
    await settle();
    const loaded = await rssOf(process);
    return [
      {
        figure: `RSS of the bot process with ${INCIDENTS.toLocaleString('en')} open incidents and their timers`,
        ours: megabytes(loaded),
        floor: `${megabytes(idle)} (the same process idle, under tsx as \`npm start\` runs it)`,
        ratio: `${timesOf(loaded, idle)} idle (+${megabytes(loaded - idle)})`,
        target: '≤ 250 MB',
        met: loaded <= 250 * 1024 ** 2,
      },
    ];
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

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
