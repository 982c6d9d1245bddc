import type { OpenedIncident } from './state.js';
import type { Instant } from './types.js';

/**
 * When customer impact began, as far as the incident knows. For now the opening: impact usually
 * starts a little earlier, but the bot names no time nobody gave it. This is the one place to
 * change when the resolve form learns to ask for the start.
 */
export function impactStartedAt(state: OpenedIncident): Instant {
  return state.openedAt;
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
