import type { TimerPolicy } from '../domain/index.js';
import { type Figures, figuresFor } from './figures.js';
import type { IncidentStore } from './ports/incident-store.js';

const WINDOWS = [30, 90] as const;
const DAY = 24 * 3_600_000;

export interface FigureSources {
  readonly store: Pick<IncidentStore, 'listOpenedSince' | 'eventTimes'>;
  readonly policy: TimerPolicy;
  /** TIMEZONE: months and "within 48 hours" are counted in the deployment's zone. */
  readonly timezone: string;
}

/**
 * The figures for the last 30 and 90 days, from the stored incidents of one workspace. Numbers
 * only: private incidents count like any other, and nothing here names one.
 */
export async function loadFigures(sources: FigureSources, teamId: string, now: Date): Promise<Figures[]> {
  const since = new Date(now.getTime() - Math.max(...WINDOWS) * DAY).toISOString();
  const incidents = await sources.store.listOpenedSince(teamId, since);
  const updates = await sources.store.eventTimes(
    incidents.map((i) => i.id),
    'StakeholderUpdatePosted',
  );
  const records = incidents.flatMap((i) =>
    i.state.status === 'none' ? [] : [{ state: i.state, updateTimes: updates.get(i.id) ?? [] }],
  );
  const options = { now: now.toISOString(), policy: sources.policy, timezone: sources.timezone };
  return WINDOWS.map((days) => figuresFor(records, { ...options, days }));
}
