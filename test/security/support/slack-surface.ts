import { CHANNELS, PEOPLE } from './hostile-text.js';

/**
 * The strings Slack parses as mrkdwn in a payload: a message's `text` (its notification, or the
 * whole message without blocks) and every mrkdwn text object. plain_text is shown as it is.
 */
export function mrkdwnOf(payload: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, top: boolean): void => {
    if (typeof node === 'string') {
      if (top) found.push(node);
      return;
    }
    if (Array.isArray(node)) {
      for (const child of node) visit(child, false);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.text === 'string' && (top || record.type === 'mrkdwn')) found.push(record.text);
    for (const [key, value] of Object.entries(record)) if (key !== 'text') visit(value, false);
    if (typeof record.text !== 'string') visit(record.text, false);
  };
  visit(payload, true);
  return found;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PEOPLE_TOKEN = new RegExp(`<@(?:${PEOPLE.map(escapeRegExp).join('|')})>`, 'g');
const CHANNEL_TOKEN = new RegExp(`<#(?:${CHANNELS.map(escapeRegExp).join('|')})(?:\\|[^<>|]*)?>`, 'g');
const DATE_TOKEN = /<!date\^\d+\^\{[a-z_]+\}(?: at \{time\}| \{time\})?\|\d\d:\d\d UTC>/g;

/**
 * What in a mrkdwn string Slack would act on but the bot did not mean: any `<…>`, `>` or raw `&`
 * left once the bot's own mentions (of the people and channels it knows) and dates are removed.
 * Empty means every word from people arrived escaped.
 */
export function unintendedSyntax(mrkdwn: string): string[] {
  const rest = mrkdwn.replace(PEOPLE_TOKEN, '').replace(CHANNEL_TOKEN, '').replace(DATE_TOKEN, '');
  const found = rest.match(/<[^>]{0,40}>?|>|&(?!amp;|lt;|gt;)/g) ?? [];
  return [...new Set(found)];
}
