import type { OpenedIncident } from './state.js';
import type { Instant } from './types.js';

/**
 * When customers were first hurt: what the resolver said at resolution, else the opening (all the
 * bot knows before then, and what incidents resolved before the question existed fall back to).
 */
export function impactStartedAt(state: OpenedIncident): Instant {
  const said =
    state.status === 'resolved' || state.status === 'closed' ? state.resolution.impactStartedAt : null;
  return said ?? state.openedAt;
}

/**
 * When customer impact ended: the time the commander gave on resolving, else the resolution
 * itself; `resolvingAt` stands in for the resolution while the incident is still being resolved
 * (the final update drafted in the resolve form).
 */
export function impactEndedAt(state: OpenedIncident, resolvingAt: Instant): Instant {
  if (state.status === 'resolved' || state.status === 'closed')
    return state.resolution.impactEndedAt ?? state.resolution.at;
  return resolvingAt;
}

/** The impact window's durations, each measured from when customer impact started. */
export interface ImpactTimes {
  /** Impact started → the incident was opened. */
  readonly timeToDetectMs: number;
  /** Impact started → customer impact ended (the resolution, when no end was given). */
  readonly timeToMitigateMs: number;
  /** Impact started → resolved. */
  readonly timeToResolveMs: number;
}

/** The impact window of a resolved incident; null while it is still open. */
export function impactTimes(state: OpenedIncident): ImpactTimes | null {
  if (state.status !== 'resolved' && state.status !== 'closed') return null;
  const start = Date.parse(impactStartedAt(state));
  return {
    timeToDetectMs: Math.max(0, Date.parse(state.openedAt) - start),
    timeToMitigateMs: Math.max(0, Date.parse(impactEndedAt(state, state.resolution.at)) - start),
    timeToResolveMs: Math.max(0, Date.parse(state.resolution.at) - start),
  };
}
