import type { KnownBlock, SectionBlock } from '@slack/types';
import type { ReviewItem, WeeklyReview } from '../../../app/weekly-review.js';
import {
  channelMention,
  clip,
  contextLine,
  inline,
  mrkdwnSection,
  OPTION_TEXT_MAX,
  OPTION_VALUE_MAX,
  plainText,
  userMention,
} from './format.js';
import { incidentRef } from './labels.js';

export const FOLLOW_UP_CHOICE_ACTION = 'followup.choose';

/** Slack allows 50 blocks a message; the review keeps well under and says what it left out. */
const MAX_OWNERS = 40;
/**
 * A message fails past ~12,000 characters of block text (menus included), so owners are listed
 * until this budget is spent and the rest summarised; each owner's menu offers their first items.
 */
const TEXT_BUDGET = 10_000;
const MENU_ITEMS = 10;
const TITLE_SHOWN = 150;

/** The weekly review as one message for POSTMORTEM_CHANNEL. */
export function renderWeeklyReview(review: WeeklyReview): { text: string; blocks: KnownBlock[] } {
  const openCount = review.byOwner.reduce((n, o) => n + o.items.length, 0);
  const overdue = review.byOwner.reduce((n, o) => n + o.items.filter((i) => i.overdue).length, 0);
  const text =
    openCount === 0
      ? 'Weekly follow-up review: no follow-up is open. Every postmortem promise is kept.'
      : `Weekly follow-up review: ${openCount} open follow-up${openCount === 1 ? '' : 's'}, ${overdue} overdue.`;
  const blocks: KnownBlock[] = [mrkdwnSection(`*${text}*`)];
  const dropped =
    review.droppedThisWeek.length > 0
      ? mrkdwnSection(
          `*Dropped this week*\n${review.droppedThisWeek
            .map(
              (i) =>
                `• ${ref(i)}: ${inline(i.followUp.title, TITLE_SHOWN)}, dropped: ${inline(i.followUp.dropReason ?? 'no reason', TITLE_SHOWN)}`,
            )
            .join('\n')}`,
        )
      : null;
  let budget = TEXT_BUDGET - textLength(blocks) - (dropped ? textLength([dropped]) : 0);
  let listed = 0;
  for (const { owner, items } of review.byOwner.slice(0, MAX_OWNERS)) {
    const section: SectionBlock = {
      ...mrkdwnSection(`${userMention(owner)}\n${items.map(line).join('\n')}`),
      accessory: choices(items),
    };
    budget -= textLength([section]);
    if (budget < 0) break;
    blocks.push(section);
    listed += 1;
  }
  if (review.byOwner.length > listed)
    blocks.push(
      contextLine(`…and ${review.byOwner.length - listed} more owners; see each incident's channel.`),
    );
  if (dropped) blocks.push(dropped);
  return { text, blocks };
}

/** A menu per owner: mark one of their follow-ups done, or drop it (a reason is asked). */
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
    options: items.slice(0, MENU_ITEMS).flatMap((item) => [option('done', item), option('drop', item)]),
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
