import type { UserId } from '../types.js';

/**
 * A sentence as words and the people it names, kept apart. The words may be anyone's (a hypothesis,
 * a reason), so each renderer escapes them for its own format; the people are ids, which Slack
 * shows as mentions and a file shows as `@U…`. Joining them into one string first would leave no
 * way to tell a mention the bot meant from one somebody typed.
 */
export type RichText = readonly RichPart[];
export type RichPart = string | { readonly user: UserId };

/** The sentence in plain words, people named by id (`@U0DANA`): for reading, never for rendering. */
export const plainWords = (text: RichText): string =>
  text.map((part) => (typeof part === 'string' ? part : `@${part.user}`)).join('');
