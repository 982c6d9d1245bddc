import { DateTime } from 'luxon';
import { WORKDAY_END_HOUR, WORKDAY_START_HOUR } from './working-hours.js';

const MEETING_MS = 3_600_000;
/** People just out of an incident get an hour before the first slot offered. */
const REST_MS = 3_600_000;
const SLOT_MINUTES = 30;
const PREFERRED_HOUR = 10;

/**
 * A time to hold the postmortem meeting, in the owner's working hours (weekdays 09:00–18:00 in
 * `zone`) and ending before the deadline: the next working day at 10:00 when that fits, while the
 * incident is fresh but people have slept; else the first half-hour slot that fits; null when no
 * working hour fits before the deadline (a weekend deadline), so the draft asks instead.
 */
export function proposeMeetingTime(resolvedAt: string, dueAt: string, zone: string): string | null {
  const resolved = DateTime.fromISO(resolvedAt, { zone: 'utc' }).setZone(zone);
  const latestStart = Date.parse(dueAt) - MEETING_MS;
  if (!resolved.isValid) return null;
  const fits = (start: DateTime): boolean => {
    const end = start.plus({ milliseconds: MEETING_MS });
    return (
      start.weekday <= 5 &&
      start.hour >= WORKDAY_START_HOUR &&
      (end.hour < WORKDAY_END_HOUR || (end.hour === WORKDAY_END_HOUR && end.minute === 0)) &&
      end.day === start.day &&
      start.toMillis() <= latestStart
    );
  };
  let nextDay = resolved.startOf('day').plus({ days: 1 });
  while (nextDay.weekday > 5) nextDay = nextDay.plus({ days: 1 });
  const preferred = nextDay.set({ hour: PREFERRED_HOUR });
  if (fits(preferred)) return preferred.toUTC().toISO();
  const earliest = resolved.plus({ milliseconds: REST_MS });
  let slot = earliest
    .startOf('hour')
    .plus({ minutes: Math.ceil(earliest.minute / SLOT_MINUTES) * SLOT_MINUTES });
  while (slot.toMillis() <= latestStart) {
    if (fits(slot)) return slot.toUTC().toISO();
    slot = slot.plus({ minutes: SLOT_MINUTES });
  }
  return null;
}
