import { describe, expect, it } from 'vitest';
import { renderWeeklyReview } from '../../../src/adapters/slack/views/weekly-review.js';
import type { ReviewItem, WeeklyReview } from '../../../src/app/weekly-review.js';
import { blockKitProblems, messageRefusal } from '../../support/block-kit-limits.js';

const INCIDENT = '00000000-0000-4000-8000-000000000042';
const CHANNEL = { kind: 'channel', teamId: 'T1' } as const;

function item(owner: number, n: number, words = 'Add an alert on the payment error rate'): ReviewItem {
  return {
    incidentId: INCIDENT,
    incidentNumber: 100 + owner,
    incidentTitle: `${words} `.repeat(6),
    channelId: `C0INC${owner}`,
    followUp: {
      id: `f${owner}-${n}`,
      title: `${words} `.repeat(5),
      owner: `U0OWNER${owner}`,
      due: '2026-12-01',
      rank: ((n % 3) + 1) as 1 | 2 | 3,
      control: false,
      runbook: false,
      status: 'open',
      closedAt: null,
      dropReason: null,
      remindedBefore: false,
      remindedOverdue: false,
    },
    overdue: n % 2 === 0,
  };
}

function review(owners: number, perOwner: number, dropped = 0): WeeklyReview {
  return {
    byOwner: Array.from({ length: owners }, (_, o) => ({
      owner: `U0OWNER${o}`,
      items: Array.from({ length: perOwner }, (_, n) => item(o, n)),
    })),
    droppedThisWeek: Array.from({ length: dropped }, (_, n) => ({
      ...item(999, n),
      followUp: { ...item(999, n).followUp, status: 'dropped', dropReason: 'Replaced by the new platform' },
    })),
  };
}

/** The follow-up ids a message offers done (or drop) for. */
const offered = (message: { blocks?: unknown[] }, op: 'done' | 'drop') =>
  JSON.stringify(message.blocks)
    .match(new RegExp(`"${op}\\|${INCIDENT}\\|(f[0-9-]+)"`, 'g'))
    ?.map((m) => m.split('|')[2]?.replace('"', '')) ?? [];

describe('the weekly review as Slack messages', () => {
  it('fits a small review in one message, saying private incidents’ follow-ups go to their owners', () => {
    const [message, ...more] = renderWeeklyReview(review(2, 3, 1), CHANNEL);
    expect(more).toEqual([]);
    expect(message?.text).toBe('Weekly follow-up review: 6 open follow-ups, 4 overdue.');
    expect(JSON.stringify(message?.blocks)).toContain('their owners get them directly');
    expect(JSON.stringify(message?.blocks)).toContain('*Dropped this week*');
  });

  it('tells an owner it is their follow-ups of private incidents, and says nothing of a channel', () => {
    const [message] = renderWeeklyReview(review(1, 2), { kind: 'owner', teamId: 'T1', owner: 'U0OWNER0' });
    expect(message?.text).toBe(
      'Weekly follow-up review, your follow-ups of private incidents: 2 open follow-ups, 1 overdue.',
    );
    expect(JSON.stringify(message?.blocks)).not.toContain('their owners get them directly');
  });

  it('splits a long review into messages within Slack’s limits, listing every follow-up once with both choices', () => {
    const big = review(60, 12, 40);
    const messages = renderWeeklyReview(big, CHANNEL);
    expect(messages.length).toBeGreaterThan(3);
    for (const message of messages) {
      expect(messageRefusal(message)).toBeNull();
      expect(blockKitProblems(message.blocks ?? [], 'message')).toEqual([]);
    }
    const ids = big.byOwner.flatMap((o) => o.items.map((i) => i.followUp.id));
    expect(messages.flatMap((m) => offered(m, 'done'))).toEqual(ids);
    expect(messages.flatMap((m) => offered(m, 'drop'))).toEqual(ids);
    const all = JSON.stringify(messages);
    expect(all).not.toContain('more owners');
    expect(all.match(/dropped: Replaced by the new platform/g)).toHaveLength(40);
    expect(messages.map((m) => m.text)).toEqual([
      'Weekly follow-up review: 720 open follow-ups, 360 overdue.',
      ...messages
        .slice(1)
        .map((_, i) => `Weekly follow-up review, continued (${i + 2} of ${messages.length})`),
    ]);
  });

  it('continues one owner’s long list in sections of its own, each with its own menu', () => {
    const messages = renderWeeklyReview(review(1, 25), CHANNEL);
    const sections = messages.flatMap((m) => (m.blocks ?? []).filter((b) => 'accessory' in b));
    expect(sections.length).toBeGreaterThan(2);
    expect(JSON.stringify(sections[1])).toContain('<@U0OWNER0> (continued)');
    expect(messages.flatMap((m) => offered(m, 'done'))).toHaveLength(25);
  });
});
