import type { KnownBlock } from '@slack/types';

/**
 * Slack renders `<!date^…>` in each viewer's own time zone; the fallback is what clients that
 * cannot render it (notifications, old apps) show.
 */
export function slackDate(iso: string, format = '{time}'): string {
  const date = new Date(iso);
  const seconds = Math.floor(date.getTime() / 1000);
  const fallback = `${date.toISOString().slice(11, 16)} UTC`;
  return `<!date^${seconds}^${format}|${fallback}>`;
}

export const userMention = (userId: string): string => `<@${userId}>`;

/** Cuts text to Slack's limit for a field, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A message the bot posts: the notification text, and blocks when it has them. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
}

/** A mrkdwn section, cut to Slack's 3,000 characters. */
export const mrkdwnSection = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, 3000) },
});

/** A small grey context line, cut to Slack's 3,000 characters. */
export const contextLine = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(text, 3000) }],
});
