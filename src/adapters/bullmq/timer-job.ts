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

// A timer's key starts with its kind's name, except follow-up reminders' (`follow-up-<id>-before`).
// Longest first: `escalation-senior` is not an `escalation`.
const KEY_PREFIXES: readonly (readonly [string, TimerJob['kind']])[] = [
  ...TIMER_KINDS.map((kind) => [kind, kind] as const),
  ['follow-up-', 'follow-up-reminder'] as const,
].sort(([a], [b]) => b.length - a.length);
const ID_HEAD = 'timer-'.length + 36 + 1; // `timer-`, the incident's uuid, `-`

/** The kind of timer a job id of {@link timerJobId}'s shape is for; null for any other job. */
export function timerKindOfJobId(jobId: string): TimerJob['kind'] | null {
  if (!jobId.startsWith('timer-')) return null;
  const key = jobId.slice(ID_HEAD);
  return KEY_PREFIXES.find(([prefix]) => key.startsWith(prefix))?.[1] ?? null;
}
