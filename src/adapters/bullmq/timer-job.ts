import { z } from 'zod';
import { TIMER_KINDS } from '../../domain/index.js';

/** The payload of a timer job. Parsed on the way out of Redis: a bad payload fails without retry. */
export const timerJobSchema = z.object({
  incidentId: z.string().uuid(),
  kind: z.enum(TIMER_KINDS),
  key: z.string().min(1),
  dueAt: z.string().datetime(),
  fireAt: z.string().datetime(),
});

export type TimerJob = z.output<typeof timerJobSchema>;

export const TIMERS_QUEUE = 'timers';

/**
 * Deterministic job ids: the same timer (incident, key, due time) always maps to the same id, so
 * adding it twice is a no-op. BullMQ forbids ':' in custom ids and all-digit ids.
 */
export function timerJobId(job: Pick<TimerJob, 'incidentId' | 'key' | 'dueAt' | 'fireAt'>): string {
  const fire = job.fireAt === job.dueAt ? '' : `-${Date.parse(job.fireAt)}`;
  return `timer-${job.incidentId}-${job.key}-${Date.parse(job.dueAt)}${fire}`.replace(/:/g, '_');
}
