import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection } from '../../src/adapters/bullmq/redis-connection.js';
import { createTimerQueue } from '../../src/adapters/bullmq/timer-queue.js';
import { createTimerScheduler } from '../../src/adapters/bullmq/timer-scheduler.js';
import { createTimerWorker } from '../../src/adapters/bullmq/timer-worker.js';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { type CommandCore, createCommandCore } from '../../src/app/commands/command-core.js';
import { fireTimer } from '../../src/app/fire-timer.js';
import { systemClock } from '../../src/app/ports/clock.js';
import { SIZES } from '../../src/bot.js';
import { withBenchDatabase } from './bench-database.js';
import { BENCH_POLICY, openBenchIncident } from './bench-incidents.js';
import { benchRedisUrl, withQueuePrefix } from './bench-redis.js';
import { ms, type Row, timesOf } from './report.js';
import { closedLoop, latencies } from './stats.js';

const INCIDENTS = 1_000;
const TIMERS_PER_INCIDENT = 10;
const TOTAL = INCIDENTS * TIMERS_PER_INCIDENT;
/** Firings are spread over this window: 10,000 in 20 s is far more than any real deployment sees. */
const SPREAD_MS = 20_000;
/** Time to schedule everything before the first one is due. */
const LEAD_MS = 20_000;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** When timer `n` of the run is due, counted from `base`. */
const dueAt = (base: number, n: number) => base + (n * SPREAD_MS) / TOTAL;

/**
 * 10,000 timers over 1,000 open incidents, fired by the bot's worker through the real command path
 * (PostgreSQL, Redis, BullMQ), and how late each fired; beside bare BullMQ delayed jobs, as many,
 * as spread out, on the same Redis with the same worker concurrency, whose processor does nothing.
 */
export async function benchTimerLateness(): Promise<Row[]> {
  const floor = await withQueuePrefix((prefix) => withRedis((redis) => bareDelayedJobs(redis, prefix)));
  const ours = await withQueuePrefix((prefix) => withRedis((redis) => ourTimers(redis, prefix)));
  const [o, f] = [latencies(ours.lateness), latencies(floor.lateness)];
  const pace = (fired: Fired) =>
    `fired ${fired.perSecond.toFixed(0)}/s of ${(TOTAL / SPREAD_MS) * 1000}/s due`;
  return [
    {
      figure: `timer lateness, ${TOTAL.toLocaleString('en')} timers over ${INCIDENTS.toLocaleString('en')} incidents due within ${SPREAD_MS / 1000} s, p50 / p99`,
      ours: `${ms(o.p50)} / ${ms(o.p99)} (${pace(ours)})`,
      floor: `${ms(f.p50)} / ${ms(f.p99)} (bare BullMQ delayed jobs, same Redis and worker concurrency; ${pace(floor)})`,
      ratio: `p99 ${timesOf(o.p99, f.p99)}`,
      target: "p99 ≤ 1 s and ≤ 2× the floor's p99",
      met: o.p99 <= 1_000 && o.p99 <= 2 * f.p99,
    },
  ];
}

/** How late each firing was, and the pace they kept from the first one due to the last one fired. */
interface Fired {
  readonly lateness: number[];
  readonly perSecond: number;
}

async function withRedis<T>(work: (redis: { queue: Redis; worker: Redis }) => Promise<T>): Promise<T> {
  const queue = createRedisConnection(benchRedisUrl(), 'bench', 'fail-fast');
  const worker = createRedisConnection(benchRedisUrl(), 'bench-worker', 'blocking');
  try {
    return await work({ queue, worker });
  } finally {
    await Promise.all([queue.quit(), worker.quit()]);
  }
}

/** Resolves once `count` firings have been recorded, with how late each was. */
function firings(count: number, firstDue: () => number) {
  const lateness: number[] = [];
  let done: (fired: Fired) => void = () => {};
  const all = new Promise<Fired>((resolve) => {
    done = resolve;
  });
  return {
    all,
    record(ms: number) {
      lateness.push(ms);
      if (lateness.length === count)
        done({ lateness, perSecond: (count / (Date.now() - firstDue())) * 1000 });
    },
  };
}

async function bareDelayedJobs(redis: { queue: Redis; worker: Redis }, prefix: string): Promise<Fired> {
  let base = Number.POSITIVE_INFINITY;
  const fired = firings(TOTAL, () => base);
  const queue = new Queue('floor', { connection: redis.queue, prefix });
  const worker = new Worker(
    'floor',
    async (job) => fired.record(Math.max(0, Date.now() - (job.data as { due: number }).due)),
    { connection: redis.worker, prefix, concurrency: SIZES.timerWorkers, autorun: false },
  );
  try {
    base = Date.now() + LEAD_MS;
    await closedLoop(TOTAL / 100, 4, (batch) =>
      queue.addBulk(
        Array.from({ length: 100 }, (_, k) => {
          const due = dueAt(base, batch * 100 + k);
          return {
            name: 'floor',
            data: { due },
            opts: { delay: due - Date.now(), removeOnComplete: true, jobId: `floor-${batch}-${k}` },
          };
        }),
      ),
    );
    void worker.run();
    return await fired.all;
  } finally {
    await worker.close();
    await queue.close();
  }
}

async function ourTimers(redis: { queue: Redis; worker: Redis }, prefix: string): Promise<Fired> {
  return withBenchDatabase(async ({ db }) => {
    let base = Number.POSITIVE_INFINITY;
    const fired = firings(TOTAL, () => base);
    const commands = createCommandCore({
      store: createIncidentStore(db),
      newId: randomUUID,
      afterCommit: () => {},
    });
    const queue = createTimerQueue(redis.queue, prefix, silent);
    const worker = createTimerWorker({
      connection: redis.worker,
      prefix,
      logger: silent,
      concurrency: SIZES.timerWorkers,
      onFire: async (job) => {
        const deps = { commands, clock: systemClock, policy: BENCH_POLICY, logger: silent };
        await fireTimer({ ...deps, onLateness: (_kind, late) => fired.record(late) }, job);
      },
    });
    try {
      const ids = await openIncidents(commands);
      const scheduler = createTimerScheduler(queue, redis.queue, prefix, systemClock);
      // Each incident's timers replaced by ten synthetic ones (stale to the domain, so each firing
      // takes the whole command path and records nothing), due across the window.
      base = Date.now() + LEAD_MS;
      await closedLoop(ids.length, 16, (i) =>
        scheduler.sync(
          ids[i] ?? '',
          Array.from({ length: TIMERS_PER_INCIDENT }, (_, k) => {
            const due = new Date(dueAt(base, i * TIMERS_PER_INCIDENT + k)).toISOString();
            return { kind: 'hold-end' as const, key: `bench-${k}`, dueAt: due, fireAt: due };
          }),
        ),
      );
      void worker.run();
      return await fired.all;
    } finally {
      await worker.close();
      await queue.close();
    }
  });
}

async function openIncidents(core: CommandCore): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date().toISOString();
  await closedLoop(INCIDENTS, 8, async (i) => {
    const outcome = await openBenchIncident(core, i, now);
    if (outcome.ok) ids.push(outcome.incident.id);
  });
  return ids;
}
