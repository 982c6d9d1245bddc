import { DateTime } from 'luxon';

/** Chores (postmortem and follow-up reminders) reach people 09:00–18:00 on their weekdays. */
export const WORKDAY_START_HOUR = 9;
export const WORKDAY_END_HOUR = 18;

/**
 * The first moment at or after `instant` that falls in the working hours of `zone`: unchanged when
 * already inside, else the next weekday's 09:00 local time. Works on wall-clock time in the zone,
 * so a daylight-saving change moves the UTC instant, not the local 09:00.
 */
export function nextWorkingMoment(instant: string, zone: string): string {
  const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
  if (!local.isValid) return instant;
  if (isWorkingTime(local)) return instant;
  let day = local.hour < WORKDAY_START_HOUR ? local.startOf('day') : local.startOf('day').plus({ days: 1 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  const opening = day.set({ hour: WORKDAY_START_HOUR, minute: 0, second: 0, millisecond: 0 });
  return opening.toUTC().toISO() ?? instant;
}

function isWorkingTime(local: DateTime): boolean {
  return local.weekday <= 5 && local.hour >= WORKDAY_START_HOUR && local.hour < WORKDAY_END_HOUR;
}
