import { randomBytes, randomUUID } from 'node:crypto';
import { createRedisConnection } from '../../src/adapters/bullmq/redis-connection.js';
import { createTimerQueue } from '../../src/adapters/bullmq/timer-queue.js';
import { createTimerScheduler } from '../../src/adapters/bullmq/timer-scheduler.js';
import { createTimerWorker } from '../../src/adapters/bullmq/timer-worker.js';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { type CommandCore, createCommandCore } from '../../src/app/commands/command-core.js';
import { fireTimer } from '../../src/app/fire-timer.js';
import { systemClock } from '../../src/app/ports/clock.js';
import { TimerSync } from '../../src/app/timer-sync.js';
import { deleteQueueKeys } from '../support/queue-keys.js';
import { withBenchDatabase } from './bench-database.js';
import { BENCH_POLICY, openBenchIncident } from './bench-incidents.js';

const INCIDENTS = 1_000;
const TIMERS_PER_INCIDENT = 10;
/** Firings are spread over this window: 10,000 in 20 s is far more than any real deployment sees. */
const SPREAD_MS = 20_000;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Redis database 10, a prefix of its own: the bench never touches the tests' keys. */
function benchRedisUrl(): string {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = '/10';
  return url.toString();
}

/**
 * Timers at scale, on real PostgreSQL, Redis and BullMQ: reconcile 1,000 open incidents into an
 * empty queue and again when nothing changed, then 10,000 pending timers across those incidents
 * fired through the real command path, measuring how late each fired. Returns printable lines.
 */
export async function benchTimers(): Promise<string[]> {
  return withBenchDatabase(async (db) => {
    const redisUrl = benchRedisUrl();
    const prefix = `ic-bench-${randomBytes(3).toString('hex')}`;
    const redis = createRedisConnection(redisUrl, 'bench', 'fail-fast');
    const workerRedis = createRedisConnection(redisUrl, 'bench-worker', 'blocking');
    const store = createIncidentStore(db);
    const commands = createCommandCore({ store, newId: randomUUID, afterCommit: () => {} });
    const lateness: number[] = [];
    let allFired: () => void = () => {};
    const fired = new Promise<void>((resolve) => {
      allFired = resolve;
    });
    const total = INCIDENTS * TIMERS_PER_INCIDENT;
    const queue = createTimerQueue(redis, prefix, silent);
    const worker = createTimerWorker({
      connection: workerRedis,
      prefix,
      logger: silent,
      onFire: async (job) => {
        await fireTimer(
          {
            commands,
            clock: systemClock,
            policy: BENCH_POLICY,
            logger: silent,
            onLateness: (_kind, ms) => lateness.push(ms),
          },
          job,
        );
        if (lateness.length === total) allFired();
      },
    });
    try {
      const ids = await openIncidents(commands);
      const scheduler = createTimerScheduler(queue, redis, prefix, systemClock);
      const sync = new TimerSync({
        store,
        scheduler,
        policy: BENCH_POLICY,
        zoneOf: async () => 'UTC',
        logger: silent,
      });
      const cold = await timed(() => sync.reconcile());
      const warm = await timed(() => sync.reconcile());

      // Replace each incident's timers with ten synthetic ones (stale to the domain, so each
      // firing takes the whole command path and records nothing), due across the window.
      const base = Date.now() + 30_000;
      const scheduling = await timed(() =>
        inBatches(ids, 16, (id, i) =>
          scheduler.sync(
            id,
            Array.from({ length: TIMERS_PER_INCIDENT }, (_, k) => {
              const dueAt = new Date(
                base + ((i * TIMERS_PER_INCIDENT + k) * SPREAD_MS) / total,
              ).toISOString();
              return { kind: 'hold-end' as const, key: `bench-${k}`, dueAt, fireAt: dueAt };
            }),
          ),
        ),
      );
      const pending = await queue.getDelayedCount();
      void worker.run();
      await fired;
      lateness.sort((a, b) => a - b);
      const q = (p: number) => lateness[Math.min(lateness.length - 1, Math.floor(p * lateness.length))] ?? 0;
      return [
        `timers: reconcile ${INCIDENTS} open incidents into an empty queue: ${seconds(cold)} (target < 5 s)`,
        `timers: reconcile ${INCIDENTS} open incidents, nothing to change: ${seconds(warm)}`,
        `timers: scheduled ${pending} pending timers across ${INCIDENTS} incidents in ${seconds(scheduling)}`,
        `timers: fired ${lateness.length} over ${SPREAD_MS / 1000} s; lateness p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (target p99 < 1000 ms)`,
      ];
    } finally {
      await worker.close();
      await queue.close();
      await deleteQueueKeys(redisUrl, prefix);
      await Promise.all([redis.quit(), workerRedis.quit()]);
    }
  });
}

async function openIncidents(core: CommandCore): Promise<string[]> {
  const ids: string[] = [];
  await inBatches(
    Array.from({ length: INCIDENTS }, (_, i) => i),
    8,
    async (i) => {
      const outcome = await openBenchIncident(core, i);
      if (outcome.ok) ids.push(outcome.incident.id);
    },
  );
  return ids;
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T, index: number) => Promise<unknown>,
) {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
