import type { Instant } from '../types.js';

/**
 * Times as stakeholders read them, in the deployment's zone. The domain has no zone and no
 * calendar: the adapter that posts the text supplies these.
 */
export interface TimeWords {
  /** One instant: "15:30 UTC", with the day when it is not today ("09:00 UTC on Saturday 21 November"). */
  at(at: Instant): string;
  /** A window, starting lower case: "from 13:57 to 14:29 UTC". */
  between(from: Instant, to: Instant): string;
}

/** Cuts quoted words, marking the cut; never splits a surrogate pair. */
export function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Someone's words as a sentence of their own: on one line, the first letter capitalised, a full
 * stop added only when it has no closing punctuation. The words are never bent into a grammar
 * slot ("We are <action>"), so a noun phrase, an imperative or a gerund all read right.
 */
export function asSentence(text: string, max: number): string {
  const words = capitalise(clipWords(oneLine(text), max));
  return /[.!?…]$/.test(words) ? words : `${words}.`;
}

/** Someone's words as a list item: one line, capitalised, no full stop needed. */
export const asItem = (text: string, max: number): string => capitalise(clipWords(oneLine(text), max));

/** Someone's words inside a sentence of ours, after a colon: one line, as written, no closing full stop. */
export const asPhrase = (text: string, max: number): string =>
  clipWords(oneLine(text), max).replace(/[.\s]+$/, '');

/** A labelled list: the label on its own line, then one bullet per item (at most `limit`). */
export function bulletList(label: string, items: readonly string[], limit: number): string {
  const shown = items.slice(0, limit).map((item) => `• ${item}`);
  if (items.length > limit) shown.push(`• …and ${items.length - limit} more`);
  return [`${label}:`, ...shown].join('\n');
}

/** "one possible cause", "3 possible causes": small counts read better as words. */
export function countOf(n: number, singular: string, plural: string): string {
  const words = ['no', 'one', 'two', 'three'];
  return `${words[n] ?? String(n)} ${n === 1 ? singular : plural}`;
}

const oneLine = (text: string): string => text.trim().replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
