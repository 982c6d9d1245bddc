import { Duration } from 'luxon';

/**
 * Only weeks, days, hours, minutes and seconds: months and years have no fixed length, and a timer
 * that fires "one month" after resolution would depend on the calendar in ways nobody expects.
 */
const FIXED_LENGTH_DURATION = /^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** Milliseconds in an ISO-8601 duration such as `PT10M`, or null when the text is not one. */
export function parseIsoDuration(text: string): number | null {
  if (!FIXED_LENGTH_DURATION.test(text)) return null;
  const duration = Duration.fromISO(text);
  return duration.isValid ? Math.round(duration.toMillis()) : null;
}
