import type { Clock } from '../app/ports/clock.js';

/**
 * A clock that reads `startsAt` now and then advances with real time. Tests pin the bot's "now"
 * (a Tuesday at 10:00 in Los Angeles, say) with it, so nothing depends on when the suite runs,
 * while BullMQ's real delays and the test's real waits still line up with the bot's notion of now:
 * a job due in 2 s by this clock fires 2 s from now.
 */
export function shiftedClock(startsAt: string): Clock {
  const start = Date.parse(startsAt);
  if (Number.isNaN(start)) throw new Error(`shiftedClock: not an instant: ${startsAt}`);
  const offset = start - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
