/** When the weekly follow-up review is posted: ISO weekday (1 = Monday) and local time. */
export interface WeeklyReviewTime {
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
}

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** Parses `MON 09:00`, or `off` (null). Returns a problem description instead of throwing. */
export function parseWeeklyReview(text: string): WeeklyReviewTime | null | string {
  const trimmed = text.trim().toUpperCase();
  if (trimmed === 'OFF') return null;
  const match = /^([A-Z]{3}) ([01]\d|2[0-3]):([0-5]\d)$/.exec(trimmed);
  const weekday = match ? WEEKDAYS.indexOf(match[1] ?? '') + 1 : 0;
  if (!match || weekday === 0)
    return `expected a weekday and time like MON 09:00, or off, got ${JSON.stringify(text)}`;
  return { weekday, hour: Number(match[2]), minute: Number(match[3]) };
}
