import type { Redis } from 'ioredis';
import type { ScrapeReadings } from '../observability/scrape-gauges.js';
import { TIMERS_QUEUE, timerKindOfJobId } from './timer-job.js';
import { WEEKLY_REVIEW_JOB } from './timer-queue.js';

/** At most this many waiting timers are read per scrape (ids only, a few dozen bytes each). */
export const MAX_TIMERS_READ = 50_000;

/**
 * The Redis half of the scrape-time gauges: timers still waiting in BullMQ (delayed, or due and
 * waiting for a worker), by kind from their deterministic job ids, and how overdue the earliest
 * delayed one is. BullMQ scores a delayed job by its fire time in ms times 4096.
 */
export function createRedisScrapeReadings(
  redis: Redis,
  prefix: string,
  now: () => number = Date.now,
): Pick<ScrapeReadings, 'pendingTimers'> {
  const key = (name: string) => `${prefix}:${TIMERS_QUEUE}:${name}`;
  return {
    async pendingTimers() {
      const [delayed, waiting, earliest] = await Promise.all([
        redis.zrange(key('delayed'), 0, MAX_TIMERS_READ - 1),
        redis.lrange(key('wait'), 0, MAX_TIMERS_READ - 1),
        redis.zrange(key('delayed'), 0, 0, 'WITHSCORES'),
      ]);
      const byKind: Record<string, number> = {};
      for (const id of [...delayed, ...waiting]) {
        const kind = timerKindOfJobId(id) ?? (id.includes(WEEKLY_REVIEW_JOB) ? WEEKLY_REVIEW_JOB : null);
        if (kind) byKind[kind] = (byKind[kind] ?? 0) + 1;
      }
      const score = Number(earliest[1]);
      const fireAt = Number.isFinite(score) ? Math.floor(score / 0x1000) : null;
      const overdueSeconds = fireAt === null ? 0 : Math.max(0, now() - fireAt) / 1000;
      return { byKind, overdueSeconds };
    },
  };
}
