import type { RenderContext } from './context.js';
import { dayIn, formatIn } from './zoned-time.js';

/**
 * `<!date^1718524800^{date_short_pretty} at {time}|fallback>` in the viewer's zone, as Slack shows it
 * (`today`, `yesterday`, `tomorrow` for the pretty forms).
 */
export function renderSlackDate(target: string, fallback: string, context: RenderContext): string {
  const [, seconds = '', format = ''] = target.split('^');
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || seconds === '') return fallback;
  const zone = context.zone;
  const pretty = (long: Intl.DateTimeFormatOptions) => {
    const day = dayIn(ms, zone);
    const today = dayIn(context.now(), zone);
    const offset = Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);
    return offset === 0
      ? 'today'
      : offset === -1
        ? 'yesterday'
        : offset === 1
          ? 'tomorrow'
          : formatIn(ms, zone, long);
  };
  const tokens: Record<string, () => string> = {
    date_num: () => dayIn(ms, zone),
    date: () => formatIn(ms, zone, { month: 'long', day: 'numeric', year: 'numeric' }),
    date_short: () => formatIn(ms, zone, { month: 'short', day: 'numeric', year: 'numeric' }),
    date_long: () => formatIn(ms, zone, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
    date_pretty: () => pretty({ month: 'long', day: 'numeric', year: 'numeric' }),
    date_short_pretty: () => pretty({ month: 'short', day: 'numeric', year: 'numeric' }),
    date_long_pretty: () => pretty({ weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
    time: () => formatIn(ms, zone, { hour: '2-digit', minute: '2-digit' }),
    time_secs: () => formatIn(ms, zone, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  };
  return format.replace(/\{(\w+)\}/g, (match, name: string) => tokens[name]?.() ?? match);
}
