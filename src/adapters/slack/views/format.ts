import type { ContextBlock, KnownBlock, PlainTextElement, SectionBlock } from '@slack/types';
import type { RichText } from '../../../domain/drafts/rich-text.js';
import { SYSTEM_ACTOR } from '../../../domain/index.js';

/** What people see where the bot itself acted (a timer fired, a hold ran out): its name, not a mention. */
export const BOT_NAME = 'Incident Commander';

/**
 * Slack's id shapes. Anything else is not an id Slack gave us, so it is never turned into a
 * mention. Slack's ids are about a dozen characters; the bound keeps a forged one from filling a
 * message.
 */
const USER_ID = /^[UW][A-Z0-9]{2,30}$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,30}$/;
/** How much of a malformed id is shown, as text, in place of a mention. */
const BAD_ID_SHOWN = 40;

/** Slack's limits on a text object (sections, context), a field, and a message's `text`. */
export const SECTION_TEXT_MAX = 3000;
export const FIELD_TEXT_MAX = 2000;
/**
 * Slack refuses a `text` over 40,000 characters and truncates long ones; the fallback is a
 * notification line (or, without blocks, a short message), so it is kept far shorter.
 */
export const MESSAGE_TEXT_MAX = 4000;
/** An option's text (plain_text) and value; ids the bot made fit easily, and a cut marks a bug. */
export const OPTION_TEXT_MAX = 75;
export const OPTION_VALUE_MAX = 150;

/**
 * Slack renders `<!date^…>` in each viewer's own time zone; the fallback is what clients that
 * cannot render it (notifications, old apps) show.
 */
export function slackDate(iso: string, format = '{time}'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'at an unknown time';
  const seconds = Math.floor(date.getTime() / 1000);
  const fallback = `${date.toISOString().slice(11, 16)} UTC`;
  return `<!date^${seconds}^${format}|${fallback}>`;
}

/**
 * A person, as Slack shows them: `<@U…>` for an id of Slack's shape, the bot's name for the system
 * actor, and anything else (an id from a forged payload) as plain escaped text, never as a mention.
 */
export function userMention(userId: string): string {
  if (userId === SYSTEM_ACTOR) return BOT_NAME;
  return USER_ID.test(userId) ? `<@${userId}>` : escapeMrkdwn(clip(userId, BAD_ID_SHOWN));
}

/** A channel link (`<#C…>`, optionally labelled), or the label or id as escaped text when the id is not Slack's. */
export function channelMention(channelId: string, label?: string): string {
  const shown = label === undefined ? undefined : escapeMrkdwn(label).replace(/\|/g, '/');
  if (CHANNEL_ID.test(channelId)) return shown ? `<#${channelId}|${shown}>` : `<#${channelId}>`;
  return shown ?? `#${escapeMrkdwn(clip(channelId, BAD_ID_SHOWN))}`;
}

/** Cuts text to Slack's limit for a field, marking the cut; never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - 1))}…`;
}

/**
 * Cuts mrkdwn to `max` like `clip`, but never through an escape (`&amp;`) or a `<…>` token the
 * bot wrote (a mention, a date): half of one would show as garbage or swallow what follows.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = safeCut(text, max - 1);
  const head = text.slice(0, cut);
  const amp = head.lastIndexOf('&');
  if (amp >= 0 && head.indexOf(';', amp) < 0) cut = amp;
  const open = head.lastIndexOf('<');
  if (open >= 0 && head.indexOf('>', open) < 0) cut = Math.min(cut, open);
  return `${text.slice(0, cut)}…`;
}

function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return at > 0 && code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Someone's words inside a line the bot writes (a list item, a field, a title): escaped, on one
 * line so they cannot fake lines of their own, and cut to `max` characters of mrkdwn.
 */
export function inline(text: string, max: number): string {
  return clipMrkdwn(escapeMrkdwn(oneLine(head(text, max))), max);
}

/** Someone's words as a paragraph of their own (an update, an answer): escaped, line breaks kept, cut to `max`. */
export function paragraph(text: string, max: number): string {
  return clipMrkdwn(escapeMrkdwn(head(text, max)), max);
}

/** A sentence with people in it (a timeline entry): the words as `inline`, the people as mentions. */
export function inlineRich(text: RichText, max: number): string {
  const rendered = text.map((part) =>
    typeof part === 'string' ? escapeMrkdwn(oneLine(head(part, max))) : userMention(part.user),
  );
  return clipMrkdwn(rendered.join(''), max);
}

/**
 * Escaping never shortens text and `oneLine` keeps its length, so past `max + 1` characters the
 * rest would be cut anyway: dropping it first keeps 100 kB words cheap.
 */
const head = (text: string, max: number): string => (text.length > max ? text.slice(0, max + 1) : text);
/** Each line break becomes a space (length kept, so cuts stay marked). */
const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029]/g, ' ');

/** Slack refuses an empty text object; words the domain would never let be empty still get one. */
const EMPTY = '(empty)';
const nonEmpty = (text: string): string => (text.trim() === '' ? EMPTY : text);

/** A plain_text object, cut to its limit. */
export const plainText = (text: string, max: number): PlainTextElement => ({
  type: 'plain_text',
  text: nonEmpty(clip(text, max)),
});

/** A message the bot posts: the notification text, and blocks when it has them. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
}

/** A message whose `text` is cut to what a notification (or a short message) needs. */
export const slackMessage = (text: string, blocks?: KnownBlock[]): SlackMessage =>
  blocks
    ? { text: clipMrkdwn(text, MESSAGE_TEXT_MAX), blocks }
    : { text: clipMrkdwn(text, MESSAGE_TEXT_MAX) };

/** A mrkdwn section, cut to Slack's 3,000 characters. */
export const mrkdwnSection = (text: string): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: nonEmpty(clipMrkdwn(text, SECTION_TEXT_MAX)) },
});

/** A small grey context line, cut to Slack's 3,000 characters. */
export const contextLine = (text: string): ContextBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: nonEmpty(clipMrkdwn(text, SECTION_TEXT_MAX)) }],
});
