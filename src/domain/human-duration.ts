const DAY = 24 * 3_600_000;

/** `30 minutes`, `2 hours`, `2 days`: durations as people say them. */
export function humanDuration(ms: number): string {
  if (ms % DAY === 0 && ms >= DAY) return plural(ms / DAY, 'day');
  if (ms % 3_600_000 === 0 && ms >= 3_600_000) return plural(ms / 3_600_000, 'hour');
  if (ms % 60_000 === 0 && ms >= 60_000) return plural(ms / 60_000, 'minute');
  return plural(Math.round(ms / 1000), 'second');
}

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
