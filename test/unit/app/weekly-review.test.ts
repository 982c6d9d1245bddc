import { describe, expect, it } from 'vitest';
import type { Deliveries } from '../../../src/app/ports/deliveries.js';
import { PermanentEffectError } from '../../../src/app/ports/effect-performer.js';
import type { IncidentStore } from '../../../src/app/ports/incident-store.js';
import {
  type ReviewAudience,
  type ReviewedIncident,
  type ReviewPublisher,
  runWeeklyReview,
  type WeeklyReview,
  weeklyReviews,
} from '../../../src/app/weekly-review.js';
import { type ClosedIncident, type IncidentEvent, replay } from '../../../src/domain/index.js';
import { ALEX, commanderIs, DANA, opened, postmortemRecorded, resolved } from '../domain/spec.js';

const SAM = 'U0SAM';
const TODAY = '2026-12-05';
const NOW = '2026-12-05T09:00:00.000Z';

function closed(
  id: string,
  teamId: string,
  options: { private?: boolean; owners: [string, string, string]; dropped?: string },
): ReviewedIncident {
  const events: IncidentEvent[] = [
    opened({ title: `Incident ${id}`, private: options.private ?? false }),
    commanderIs(DANA),
    resolved(40),
    postmortemRecorded(options.owners.map((owner, i) => ({ id: `${id}-${i + 1}`, owner }))),
    ...(options.dropped
      ? [
          {
            type: 'FollowUpDropped' as const,
            at: '2026-12-03T10:00:00.000Z',
            by: DANA,
            followUpId: options.dropped,
            reason: 'Not needed',
          },
        ]
      : []),
  ];
  return { id, teamId, channelId: `C0${id.toUpperCase()}`, state: replay(events) as ClosedIncident };
}

/** Every follow-up id a review names, open or dropped. */
const idsIn = (review: WeeklyReview | undefined) =>
  [...(review?.byOwner.flatMap((o) => o.items) ?? []), ...(review?.droppedThisWeek ?? [])].map(
    (i) => i.followUp.id,
  );

const publicOne = closed('pub', 'T1', { owners: [ALEX, DANA, ALEX] });
const privateOne = closed('sec', 'T1', { private: true, owners: [ALEX, SAM, SAM], dropped: 'sec-3' });
const otherTeam = closed('far', 'T2', { owners: [ALEX, ALEX, ALEX] });
const privateElsewhere = closed('fsec', 'T2', { private: true, owners: [SAM, SAM, SAM] });
const all = [publicOne, privateOne, otherTeam, privateElsewhere];

describe('the weekly reviews a week makes', () => {
  const reviews = weeklyReviews(all, ['T1'], TODAY, NOW);
  const to = (audience: ReviewAudience) =>
    reviews.find((r) => JSON.stringify(r.audience) === JSON.stringify(audience))?.review;

  it('lists only the public incidents’ follow-ups for the review channel', () => {
    expect(idsIn(to({ kind: 'channel', teamId: 'T1' }))).toEqual(['pub-1', 'pub-3', 'pub-2']);
  });

  it('gives each owner of a private incident’s follow-ups their own, dropped ones included, and nobody else’s', () => {
    expect(reviews.map((r) => r.audience)).toEqual([
      { kind: 'channel', teamId: 'T1' },
      { kind: 'owner', teamId: 'T1', owner: ALEX },
      { kind: 'owner', teamId: 'T1', owner: SAM },
    ]);
    expect(idsIn(to({ kind: 'owner', teamId: 'T1', owner: ALEX }))).toEqual(['sec-1']);
    expect(idsIn(to({ kind: 'owner', teamId: 'T1', owner: SAM }))).toEqual(['sec-2', 'sec-3']);
  });

  it('reviews each workspace on its own, and no workspace this deployment does not serve', () => {
    const both = weeklyReviews(all, ['T1', 'T2'], TODAY, NOW);
    for (const { audience, review } of both) {
      const ofTeam = all.filter((i) => i.teamId === audience.teamId).map((i) => i.id);
      for (const id of idsIn(review)) expect(ofTeam).toContain(id.split('-')[0]);
    }
    expect(both.filter((r) => r.audience.teamId === 'T2').map((r) => r.audience)).toEqual([
      { kind: 'channel', teamId: 'T2' },
      { kind: 'owner', teamId: 'T2', owner: SAM },
    ]);
    expect(weeklyReviews(all, [], TODAY, NOW)).toEqual([]);
  });

  it('still posts the channel review when nothing is open there', () => {
    expect(weeklyReviews([privateOne], ['T1'], TODAY, NOW)[0]).toEqual({
      audience: { kind: 'channel', teamId: 'T1' },
      review: { byOwner: [], droppedThisWeek: [] },
    });
  });
});

function memoryDeliveries(): Deliveries & { keys: () => string[] } {
  const delivered = new Map<string, string>();
  return {
    find: async (key) => delivered.get(key) ?? null,
    markDelivered: async (key, detail) => void delivered.set(key, detail),
    keys: () => [...delivered.keys()],
  };
}

/** A publisher that splits every review into two messages and records what it sent. */
function recordingPublisher(failFor: (audience: ReviewAudience) => Error | null = () => null) {
  const sent: string[] = [];
  const publisher: ReviewPublisher<string> = {
    teams: async () => ['T1'],
    reaches: () => true,
    messagesOf: (review, audience) => {
      const who = audience.kind === 'channel' ? 'channel' : audience.owner;
      return [`${who} 1/2 ${idsIn(review).join(',')}`, `${who} 2/2`];
    },
    send: async (message, audience) => {
      const error = failFor(audience);
      if (error) throw error;
      sent.push(message);
      return 'ok';
    },
  };
  return { publisher, sent };
}

describe('running the weekly review', () => {
  const store = {
    listClosedWithFollowUps: async () => all.map((i) => ({ ...i })),
  } as unknown as IncidentStore;
  const clock = { now: () => new Date(NOW) };

  it('sends each message of each review once a day, keyed by workspace, recipient and part', async () => {
    const deliveries = memoryDeliveries();
    const { publisher, sent } = recordingPublisher();
    const deps = { store, deliveries, clock, timezone: 'UTC', publisher };
    expect(await runWeeklyReview(deps)).toEqual({ sent: 6, already: 0, notSent: [] });
    expect(sent).toEqual([
      'channel 1/2 pub-1,pub-3,pub-2',
      'channel 2/2',
      `${ALEX} 1/2 sec-1`,
      `${ALEX} 2/2`,
      `${SAM} 1/2 sec-2,sec-3`,
      `${SAM} 2/2`,
    ]);
    expect(deliveries.keys()).toEqual([
      `weekly-review:T1:${TODAY}:1`,
      `weekly-review:T1:${TODAY}:2`,
      `weekly-review:T1:${TODAY}:${ALEX}:1`,
      `weekly-review:T1:${TODAY}:${ALEX}:2`,
      `weekly-review:T1:${TODAY}:${SAM}:1`,
      `weekly-review:T1:${TODAY}:${SAM}:2`,
    ]);
    expect(await runWeeklyReview(deps)).toEqual({ sent: 0, already: 6, notSent: [] });
    expect(sent).toHaveLength(6);
  });

  it('lets an unreachable owner not hold up the others, and retries the rest of a failed review only', async () => {
    const deliveries = memoryDeliveries();
    let flaky = true;
    const { publisher, sent } = recordingPublisher((audience) => {
      if (audience.kind === 'owner' && audience.owner === ALEX)
        return new PermanentEffectError('user_is_deactivated', 'gone');
      if (audience.kind === 'channel' && flaky) return new Error('Slack is down');
      return null;
    });
    const deps = { store, deliveries, clock, timezone: 'UTC', publisher };
    await expect(runWeeklyReview(deps)).rejects.toThrow('Slack is down');
    expect(sent).toEqual([`${SAM} 1/2 sec-2,sec-3`, `${SAM} 2/2`]);
    flaky = false;
    expect(await runWeeklyReview(deps)).toEqual({
      sent: 2,
      already: 2,
      notSent: [`${ALEX} in T1: user_is_deactivated`],
    });
    expect(sent.slice(2)).toEqual(['channel 1/2 pub-1,pub-3,pub-2', 'channel 2/2']);
  });

  it('says so when there is nowhere to post the channel review, and still sends the owners theirs', async () => {
    const { publisher, sent } = recordingPublisher();
    const deps = {
      store,
      deliveries: memoryDeliveries(),
      clock,
      timezone: 'UTC',
      publisher: { ...publisher, reaches: (a: ReviewAudience) => a.kind === 'owner' },
    };
    expect(await runWeeklyReview(deps)).toMatchObject({
      sent: 4,
      notSent: ['the review channel of T1: nowhere to post it'],
    });
    expect(sent.every((m) => !m.startsWith('channel'))).toBe(true);
  });
});
