/** Slack's limit on channel names. */
export const CHANNEL_NAME_MAX = 80;

/**
 * The incident channel's name: `inc-<number>-<slug>` (drills: `drill-inc-…`), lowercase letters,
 * digits and dashes, at most 80 characters. `attempt` > 1 adds a suffix for when the name is taken.
 */
export function incidentChannelName(
  input: { number: number; title: string; drill: boolean },
  attempt = 1,
): string {
  const prefix = `${input.drill ? 'drill-' : ''}inc-${input.number}`;
  const suffix = attempt > 1 ? `-${attempt}` : '';
  const room = CHANNEL_NAME_MAX - prefix.length - suffix.length - 1;
  const slug = slugify(input.title).slice(0, Math.max(0, room)).replace(/-+$/, '');
  return slug ? `${prefix}-${slug}${suffix}` : `${prefix}${suffix}`;
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip accents: "Café" → "cafe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
