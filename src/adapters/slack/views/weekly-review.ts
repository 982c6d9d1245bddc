import type { KnownBlock } from '@slack/types';
import type { ReviewItem, WeeklyReview } from '../../../app/weekly-review.js';
import { clip, contextLine, escapeMrkdwn, userMention } from './format.js';
import { incidentRef } from './labels.js';

export const FOLLOW_UP_CHOICE_ACTION = 'followup.choose';

/** Slack allows 50 blocks a message; the review keeps well under and says what it left out. */
const MAX_OWNERS = 40;

/** The weekly review as one message for POSTMORTEM_CHANNEL. */
export function renderWeeklyReview(review: WeeklyReview): { text: string; blocks: KnownBlock[] } {
  const openCount = review.byOwner.reduce((n, o) => n + o.items.length, 0);
  const overdue = review.byOwner.reduce((n, o) => n + o.items.filter((i) => i.overdue).length, 0);
  const text =
    openCount === 0
      ? 'Weekly follow-up review: no follow-up is open. Every postmortem promise is kept.'
      : `Weekly follow-up review: ${openCount} open follow-up${openCount === 1 ? '' : 's'}, ${overdue} overdue.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${text}*` } }];
  for (const { owner, items } of review.byOwner.slice(0, MAX_OWNERS)) {
    const lines = items.map(line);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`${userMention(owner)}\n${lines.join('\n')}`, 3000) },
      accessory: choices(items),
    });
  }
  if (review.byOwner.length > MAX_OWNERS)
    blocks.push(
      contextLine(`…and ${review.byOwner.length - MAX_OWNERS} more owners; see each incident's channel.`),
    );
  if (review.droppedThisWeek.length > 0) {
    const dropped = review.droppedThisWeek.map(
      (i) =>
        `• ${ref(i)}: ${escapeMrkdwn(i.followUp.title)}, dropped: ${escapeMrkdwn(i.followUp.dropReason ?? 'no reason')}`,
    );
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*Dropped this week*\n${dropped.join('\n')}`, 3000) },
    });
  }
  return { text, blocks };
}

/** A menu per owner: mark one of their follow-ups done, or drop it (a reason is asked). */
function choices(items: readonly ReviewItem[]) {
  const option = (op: 'done' | 'drop', item: ReviewItem) => ({
    text: {
      type: 'plain_text' as const,
      text: clip(`${op === 'done' ? 'Done' : 'Drop'}: #${item.followUp.rank} ${item.followUp.title}`, 75),
    },
    value: `${op}|${item.incidentId}|${item.followUp.id}`,
  });
  return {
    type: 'static_select' as const,
    action_id: FOLLOW_UP_CHOICE_ACTION,
    placeholder: { type: 'plain_text' as const, text: 'Mark done or drop…' },
    options: items.slice(0, 50).flatMap((item) => [option('done', item), option('drop', item)]),
  };
}

const ref = (item: ReviewItem): string =>
  item.channelId
    ? `<#${item.channelId}|${incidentRef(item.incidentNumber)}>`
    : incidentRef(item.incidentNumber);

function line(item: ReviewItem): string {
  const flag = item.overdue ? ':red_circle: *overdue*' : ':large_blue_circle:';
  return `${flag} #${item.followUp.rank} ${escapeMrkdwn(item.followUp.title)} (due ${item.followUp.due}) · ${ref(item)} ${escapeMrkdwn(item.incidentTitle)}`;
}
