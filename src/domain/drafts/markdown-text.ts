import type { RichText } from './rich-text.js';

/**
 * Somebody's words inside the postmortem Markdown. They must read as typed to the people in the
 * meeting, and must not be able to add structure to the document: a heading, a list, a quote, a
 * table row or cell, a link or image, HTML, a code block. Only what could do that is escaped, so
 * ordinary punctuation (a period, a hyphen, an underscore in a metric name) stays as it was.
 */

/**
 * Escaped everywhere: the backslash (else `\[` typed by someone would undo our escape), link and
 * image brackets, `<` (HTML and autolinks), and `|` (a table cell's edge, and a table row's).
 */
const INLINE_SPECIALS = /[\\[\]<|]/g;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\v\f]/g;

/** What would open a block when it starts a line; each is defused by escaping its first character. */
const BLOCK_STARTS: readonly RegExp[] = [
  /^#{1,6}(?=[ \t]|$)/, // ATX heading
  /^>/, // block quote
  /^[-+*](?=[ \t]|$)/, // bullet list item
  /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/, // thematic break
  /^(?:=+|-+)[ \t]*$/, // setext heading underline
  /^:-/, // a table's delimiter row (its pipes are escaped anyway)
  /^(?:`{3,}|~{3,})/, // code fence
];
const ORDERED_ITEM = /^(\d{1,9})([.)])(?=[ \t]|$)/;

/** Words inside a line the document writes (a list item, a heading, a table cell): one line, escaped. */
export function mdInline(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(INLINE_SPECIALS, '\\$&');
}

/**
 * A line (or a list item's content) already escaped with `mdInline`, made unable to open a block.
 * Applied to the whole line, not to the words alone: `12` followed by the document's own `. Why:`
 * would otherwise become an ordered list.
 */
export function mdLine(line: string): string {
  return defuseLineStart(line);
}

/**
 * Words as a paragraph of their own, line breaks kept: every line is defused, blank lines stay as
 * paragraph breaks, and leading spaces go (four of them would make a code block).
 */
export function mdParagraph(text: string): string {
  return text
    .split(LINE_BREAKS)
    .map((line) => defuseLineStart(line.replace(INLINE_SPECIALS, '\\$&')))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A heading's words: inline, and a trailing run of `#` kept as text rather than eaten as the closing sequence. */
export function mdHeadingText(text: string): string {
  return mdInline(text).replace(/([ \t])(#+)([ \t]*)$/, '$1\\$2$3');
}

/** A person's name for a file, from their id: display names when known, `@U…` when not. */
export type NameOf = (userId: string) => string;

/** Without names to hand, people are their ids: `@U0DANA`. */
export const idAsName: NameOf = (userId) => `@${userId}`;

/**
 * A sentence with people in it (a timeline entry): the words escaped, each person by `nameOf`
 * (the bot as `bot`), escaped too: a name is somebody's words, and an id may come from a forged payload.
 */
export function mdRich(text: RichText, systemActor: string, nameOf: NameOf = idAsName): string {
  return text
    .map((part) =>
      typeof part === 'string'
        ? mdInline(part)
        : part.user === systemActor
          ? 'bot'
          : mdInline(nameOf(part.user)),
    )
    .join('');
}

function defuseLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  if (BLOCK_STARTS.some((start) => start.test(trimmed))) return `\\${trimmed}`;
  return trimmed.replace(ORDERED_ITEM, '$1\\$2');
}
