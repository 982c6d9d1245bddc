/**
 * Times in a person's zone (their Slack profile), never the browser's: the page shows what each
 * sample person would see, whatever the machine's zone is.
 */
export function formatIn(ms: number, zone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options }).format(new Date(ms));
}

/** The wall-clock parts of an instant in a zone. */
function partsIn(ms: number, zone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** `2026-06-16T10:30` as wall time in `zone` → the instant (ms). */
export function wallTimeToInstant(wall: string, zone: string): number {
  const [date = '', time = '00:00'] = wall.split('T');
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, hh, mm);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(guess, zone);
    const shown = Date.UTC(p.year ?? y, (p.month ?? mo) - 1, p.day ?? d, p.hour ?? hh, p.minute ?? mm);
    guess += asUtc - shown;
  }
  return guess;
}

/** An instant as `YYYY-MM-DDTHH:mm` wall time in `zone`, for a datetime-local input. */
export function instantToWallTime(ms: number, zone: string): string {
  const p = partsIn(ms, zone);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The calendar day of an instant in a zone, `YYYY-MM-DD`. */
export const dayIn = (ms: number, zone: string): string => instantToWallTime(ms, zone).slice(0, 10);

/** "in 0:42", "1:05:00 ago": a countdown a person can watch. */
export function countdown(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  const clock =
    hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
  return ms >= 0 ? `in ${clock}` : `${clock} ago`;
}
