import type { KnownBlock, SectionBlock } from '@slack/types';
import type { ReviewAudience, ReviewItem, WeeklyReview } from '../../../app/weekly-review.js';
import {
  channelMention,
  clip,
  contextLine,
  inline,
  mrkdwnSection,
  OPTION_TEXT_MAX,
  OPTION_VALUE_MAX,
  plainText,
  SECTION_TEXT_MAX,
  type SlackMessage,
  slackMessage,
  userMention,
} from './format.js';
import { incidentRef } from './labels.js';

export const FOLLOW_UP_CHOICE_ACTION = 'followup.choose';

/** Slack allows 50 blocks a message; each message of the review starts with its heading. */
const MAX_BLOCKS = 50;
/**
 * A message fails past ~12,000 characters of block text (menus included): each message of the
 * review stays under this, its heading included.
 */
const TEXT_BUDGET = 11_000;
/** Items per section: each has a done and a drop option in the section's menu (Slack allows 100). */
const MENU_ITEMS = 10;
const TITLE_SHOWN = 150;
/** Said in every channel review, whether or not there is any: it tells nobody about one. */
const PRIVATE_NOTE = 'Follow-ups of private incidents are not listed here: their owners get them directly.';

/**
 * The weekly review as the messages it is posted in: the review channel's (public incidents), or
 * one owner's (their follow-ups of private incidents). Everything is listed, every item with its
 * done and drop choices; what does not fit one message (50 blocks, ~12,000 characters) continues
 * in the next.
 */
export function renderWeeklyReview(review: WeeklyReview, audience: ReviewAudience): SlackMessage[] {
  const summary = summaryOf(review, audience);
  const body = [
    ...review.byOwner.flatMap(({ owner, items }) => ownerSections(owner, items)),
    ...droppedSections(review.droppedThisWeek),
    ...(audience.kind === 'channel' ? [contextLine(PRIVATE_NOTE)] : []),
  ];
  const pages = paginate(body);
  return pages.map((blocks, i) => {
    const text = i === 0 ? summary : `Weekly follow-up review, continued (${i + 1} of ${pages.length})`;
    const heading = pages.length > 1 && i === 0 ? `*${text}* (1 of ${pages.length})` : `*${text}*`;
    return slackMessage(text, [mrkdwnSection(heading), ...blocks]);
  });
}

function summaryOf(review: WeeklyReview, audience: ReviewAudience): string {
  const open = review.byOwner.reduce((n, o) => n + o.items.length, 0);
  const overdue = review.byOwner.reduce((n, o) => n + o.items.filter((i) => i.overdue).length, 0);
  const counted = `${open} open follow-up${open === 1 ? '' : 's'}, ${overdue} overdue`;
  if (audience.kind === 'owner')
    return `Weekly follow-up review, your follow-ups of private incidents: ${counted}.`;
  return open === 0
    ? 'Weekly follow-up review: no follow-up is open.'
    : `Weekly follow-up review: ${counted}.`;
}

/** An owner's items, as many sections as they need: each within Slack's 3,000 characters, with its own menu. */
function ownerSections(owner: string, items: readonly ReviewItem[]): SectionBlock[] {
  return chunks(items.map(line), userMention(owner), `${userMention(owner)} (continued)`, MENU_ITEMS).map(
    ({ text, from, to }) => ({ ...mrkdwnSection(text), accessory: choices(items.slice(from, to)) }),
  );
}

function droppedSections(dropped: readonly ReviewItem[]): SectionBlock[] {
  const lines = dropped.map(
    (i) =>
      `• ${ref(i)}: ${inline(i.followUp.title, TITLE_SHOWN)}, dropped: ${inline(i.followUp.dropReason ?? 'no reason', TITLE_SHOWN)}`,
  );
  return chunks(lines, '*Dropped this week*', '*Dropped this week* (continued)', Infinity).map(({ text }) =>
    mrkdwnSection(text),
  );
}

/**
 * Lines under a heading, cut into section texts within Slack's limit, at most `perChunk` lines
 * each; `from` and `to` say which lines each took.
 */
function chunks(
  lines: readonly string[],
  heading: string,
  continued: string,
  perChunk: number,
): { text: string; from: number; to: number }[] {
  const found: { text: string; from: number; to: number }[] = [];
  let from = 0;
  let text = heading;
  for (const [i, next] of lines.entries()) {
    const full = i - from >= perChunk || text.length + 1 + next.length > SECTION_TEXT_MAX;
    if (full && i > from) {
      found.push({ text, from, to: i });
      from = i;
      text = continued;
    }
    text = `${text}\n${next}`;
  }
  if (lines.length > from) found.push({ text, from, to: lines.length });
  return found;
}

/** Blocks into messages: each within the block count and the text budget, its heading left room. */
function paginate(blocks: readonly KnownBlock[]): KnownBlock[][] {
  const headingRoom = 300;
  const pages: KnownBlock[][] = [[]];
  let used = 0;
  for (const block of blocks) {
    const size = textLength([block]);
    const page = pages.at(-1) ?? [];
    if (page.length > 0 && (page.length + 1 >= MAX_BLOCKS || used + size > TEXT_BUDGET - headingRoom)) {
      pages.push([block]);
      used = size;
    } else {
      page.push(block);
      used += size;
    }
  }
  return pages;
}

/** A menu for a section's items: mark one done, or drop it (a reason is asked). */
function choices(items: readonly ReviewItem[]) {
  const option = (op: 'done' | 'drop', item: ReviewItem) => ({
    text: plainText(
      `${op === 'done' ? 'Done' : 'Drop'}: #${item.followUp.rank} ${item.followUp.title}`,
      OPTION_TEXT_MAX,
    ),
    value: clip(`${op}|${item.incidentId}|${item.followUp.id}`, OPTION_VALUE_MAX),
  });
  return {
    type: 'static_select' as const,
    action_id: FOLLOW_UP_CHOICE_ACTION,
    placeholder: { type: 'plain_text' as const, text: 'Mark done or drop…' },
    options: items.flatMap((item) => [option('done', item), option('drop', item)]),
  };
}

/** Characters of text in blocks, counted the way Slack's message limit counts them (every `text`). */
function textLength(blocks: readonly KnownBlock[]): number {
  let total = 0;
  JSON.stringify(blocks, (key, value) => {
    if (key === 'text' && typeof value === 'string') total += value.length;
    return value;
  });
  return total;
}

const ref = (item: ReviewItem): string =>
  item.channelId
    ? channelMention(item.channelId, incidentRef(item.incidentNumber))
    : incidentRef(item.incidentNumber);

function line(item: ReviewItem): string {
  const flag = item.overdue ? ':red_circle: *overdue*' : ':large_blue_circle:';
  return `${flag} #${item.followUp.rank} ${inline(item.followUp.title, TITLE_SHOWN)} (due ${inline(item.followUp.due, 30)}) · ${ref(item)} ${inline(item.incidentTitle, TITLE_SHOWN)}`;
}
