import type { OpenedIncident } from './state.js';
import { addMilliseconds, type Instant } from './types.js';

/** How far back an incident on the same service counts as the same thing breaking again. */
export const BROKE_TWICE_WINDOW_MS = 90 * 24 * 3_600_000;

/** An open incident on the same service this recent is probably the same problem: say so first. */
export const DUPLICATE_WINDOW_MS = 2 * 3_600_000;

/** Since when earlier incidents on this one's service count as "it broke before"; null without a service. */
export function brokeTwiceSince(state: OpenedIncident): Instant | null {
  return state.service ? addMilliseconds(state.openedAt, -BROKE_TWICE_WINDOW_MS) : null;
}

/** The same service, case and surrounding spaces aside: what the duplicate and broke-twice rules compare. */
export const sameService = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
