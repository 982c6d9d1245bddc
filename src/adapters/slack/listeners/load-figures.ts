import { type Figures, figuresFor } from '../../../app/figures.js';
import { timerPolicyFrom } from '../../../app/timer-policy.js';
import type { ListenerDeps } from './deps.js';

const WINDOWS = [30, 90] as const;
const DAY = 24 * 3_600_000;

/** The figures for the last 30 and 90 days, from the stored incidents of one workspace. */
export async function loadFigures(deps: ListenerDeps, teamId: string): Promise<Figures[]> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - Math.max(...WINDOWS) * DAY).toISOString();
  const incidents = await deps.store.listOpenedSince(teamId, since);
  const updates = await deps.store.eventTimes(
    incidents.map((i) => i.id),
    'StakeholderUpdatePosted',
  );
  const records = incidents.flatMap((i) =>
    i.state.status === 'none' ? [] : [{ state: i.state, updateTimes: updates.get(i.id) ?? [] }],
  );
  const options = {
    now: now.toISOString(),
    policy: timerPolicyFrom(deps.config.timing),
    timezone: deps.config.timezone,
  };
  return WINDOWS.map((days) => figuresFor(records, { ...options, days }));
}
