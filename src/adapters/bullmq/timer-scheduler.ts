import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '../../app/ports/clock.js';
import type { TimerScheduler, WantedTimer } from '../../app/ports/timer-scheduler.js';
import { type TimerJob, timerJobId, timerJobSchema } from './timer-job.js';

/**
 * BullMQ delayed jobs as the incident's timers. Job ids are deterministic, so adding a timer twice
 * is a no-op; a Redis set per incident remembers which ids were scheduled, so obsolete ones can be
 * removed. If Redis loses everything, the periodic reconcile re-adds what the state still wants.
 * A job's delay is counted from `clock`, the bot's now, so it fires when the bot's clock says so.
 */
export function createTimerScheduler(
  queue: Queue,
  redis: Redis,
  prefix: string,
  clock: Clock,
): TimerScheduler {
  const indexKey = (incidentId: string) => `${prefix}:timer-index:${incidentId}`;

  return {
    async sync(incidentId, wanted) {
      const index = indexKey(incidentId);
      const wantedIds = new Map(wanted.map((timer) => [timerJobId({ incidentId, ...timer }), timer]));
      const known = new Set(await redis.smembers(index));
      const obsolete = [...known].filter((id) => !wantedIds.has(id));
      await Promise.all(
        obsolete.map(async (id) => {
          const job = await queue.getJob(id);
          // A job already running finishes; its firing is checked against the state and does nothing.
          if (job && phase(job) === 'running') return;
          if (job) await job.remove();
          await redis.srem(index, id);
        }),
      );
      await Promise.all(
        [...wantedIds].map(async ([jobId, timer]) => {
          const existing = await queue.getJob(jobId);
          // Already waiting to fire: nothing to do (the common case when nothing changed).
          if (existing && phase(existing) !== 'finished') {
            if (!known.has(jobId)) await redis.sadd(index, jobId);
            return;
          }
          // A finished job kept in Redis would block its id forever: clear it before adding again.
          if (existing) await existing.remove();
          const data: TimerJob = { incidentId, ...timer };
          await queue.add(timer.kind, data, {
            jobId,
            delay: Math.max(0, Date.parse(timer.fireAt) - clock.now().getTime()),
            attempts: 5,
            backoff: { type: 'exponential', delay: 1_000 },
            removeOnComplete: true,
            removeOnFail: { age: 24 * 3600 },
          });
          await redis.sadd(index, jobId);
        }),
      );
      if (wantedIds.size === 0) await redis.del(index);
    },

    async scheduled(incidentId) {
      const ids = await redis.smembers(indexKey(incidentId));
      const timers: WantedTimer[] = [];
      for (const id of ids) {
        const job = await queue.getJob(id);
        const parsed = timerJobSchema.safeParse(job?.data);
        if (parsed.success) {
          const { kind, key, dueAt, fireAt } = parsed.data;
          timers.push({ kind, key, dueAt, fireAt });
        }
      }
      return timers.sort((a, b) => a.fireAt.localeCompare(b.fireAt));
    },
  };
}

/**
 * Where a job is, from the job itself (no extra round trip): finished (completed or failed),
 * running (taken by a worker), or pending (delayed or waiting).
 */
function phase(job: Job): 'finished' | 'running' | 'pending' {
  if (job.finishedOn) return 'finished';
  return job.processedOn ? 'running' : 'pending';
}
