import { DateTime } from 'luxon';
import type { Instant, TimeWords } from '../../../domain/index.js';

/**
 * Times in the words of a posted update, in one zone (TIMEZONE): stakeholders read the text as
 * written, not as Slack's per-viewer `<!date>`, so the zone is always named. "15:30 UTC"; on
 * another day than `now`, "09:00 UTC on Saturday 21 November".
 */
export function timeWords(zone: string, now: Instant): TimeWords {
  const inZone = (at: Instant) => DateTime.fromISO(at, { zone }).setLocale('en-GB');
  const today = inZone(now).toISODate();
  const clock = (at: DateTime) => at.toFormat('HH:mm');
  const label = (at: DateTime) => zoneLabel(at, zone);
  const day = (at: DateTime) => (at.toISODate() === today ? '' : ` on ${at.toFormat('cccc d LLLL')}`);
  return {
    at: (at) => {
      const time = inZone(at);
      return `${clock(time)} ${label(time)}${day(time)}`;
    },
    between: (from, to) => {
      const start = inZone(from);
      const end = inZone(to);
      if (start.toISODate() === end.toISODate())
        return `from ${clock(start)} to ${clock(end)} ${label(end)}${day(end)}`;
      return `from ${clock(start)} ${label(start)}${day(start) || ' today'} to ${clock(end)} ${label(end)}${day(end) || ' today'}`;
    },
  };
}

/** "UTC", "EST", "GMT+1": the zone's short name there and then, else its IANA name. */
function zoneLabel(at: DateTime, zone: string): string {
  const short = at.setLocale('en-US').toFormat('ZZZZ');
  return /^[A-Z][A-Za-z0-9+:-]{1,9}$/.test(short) ? short : zone;
}
