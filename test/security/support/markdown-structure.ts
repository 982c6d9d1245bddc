import { POSTMORTEM_OUTLINE } from '../../support/postmortem-outline.js';

/**
 * The postmortem Markdown's structure, read back the way a CommonMark/GFM renderer would see it:
 * which lines are headings, table rows, list items, paragraphs. The renderer writes a fixed
 * outline; people's words must never add to it.
 */
export const OUTLINE = POSTMORTEM_OUTLINE;

/** How often `ch` occurs not escaped by a backslash (an odd run of backslashes before it escapes it). */
export function unescapedCount(text: string, ch: string): number {
  // A plain scan: a regex over runs of backslashes goes quadratic on 100 kB of them.
  const target = ch.charCodeAt(0);
  let count = 0;
  let backslashes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === target && backslashes % 2 === 0) count += 1;
    backslashes = code === 92 ? backslashes + 1 : 0;
  }
  return count;
}

/** Would this line (or a list item's content) open a block of its own: heading, quote, list, fence, rule, code, table? */
export function opensBlock(content: string): boolean {
  return (
    /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3,}|~{3,}|=+[ \t]*$|-+[ \t]*$|\||:-)/.test(
      content,
    ) ||
    /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(content) ||
    /^(?: {4}|\t)/.test(content)
  );
}

export interface Outline {
  readonly title: string;
  readonly sections: ReadonlyMap<string, readonly string[]>;
  /** Every line that a renderer reads as a heading. */
  readonly headings: readonly string[];
}

/** Splits the document at its headings (ATX, at most three spaces in). */
export function outlineOf(markdown: string): Outline {
  const lines = markdown.split('\n');
  const headings = lines.filter((line) => /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line));
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of lines.slice(1)) {
    if ((OUTLINE as readonly string[]).includes(line)) {
      current = [];
      sections.set(line, current);
    } else current?.push(line);
  }
  return { title: lines[0] ?? '', sections, headings };
}
