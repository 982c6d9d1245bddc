import { DateTime } from 'luxon';
import type { ClosedIncident, FollowUp } from '../domain/index.js';
import type { Clock } from './ports/clock.js';
import { type Deliveries, deliverOnce } from './ports/deliveries.js';
import { PermanentEffectError } from './ports/effect-performer.js';
import type { IncidentStore } from './ports/incident-store.js';

/** One follow-up as the weekly review lists it. */
export interface ReviewItem {
  readonly incidentId: string;
  readonly incidentNumber: number;
  readonly incidentTitle: string;
  readonly channelId: string | null;
  readonly followUp: FollowUp;
  readonly overdue: boolean;
}

export interface WeeklyReview {
  /** Open follow-ups by owner; owners with overdue items first, and overdue items first within each. */
  readonly byOwner: readonly { readonly owner: string; readonly items: readonly ReviewItem[] }[];
  /** Follow-ups dropped in the last week, with their reasons, so a drop is never silent. */
  readonly droppedThisWeek: readonly ReviewItem[];
}

/** A closed incident as the review reads it. */
export interface ReviewedIncident {
  readonly id: string;
  readonly teamId: string;
  readonly state: ClosedIncident;
  readonly channelId: string | null;
}

/**
 * Who a review goes to. `channel`: the workspace's review channel (POSTMORTEM_CHANNEL), where
 * anyone may read, so only public incidents. `owner`: one person by direct message, with only
 * their own follow-ups of private incidents (owning one makes them its participant).
 */
export type ReviewAudience =
  | { readonly kind: 'channel'; readonly teamId: string }
  | { readonly kind: 'owner'; readonly teamId: string; readonly owner: string };

export interface AddressedReview {
  readonly audience: ReviewAudience;
  readonly review: WeeklyReview;
}

const WEEK = 7 * 24 * 3_600_000;

/**
 * The weekly follow-up review, from the closed incidents that still have follow-ups to look at.
 * `today` is the calendar date in TIMEZONE: a follow-up is overdue once its due date has passed.
 * `onlyOwner` keeps one person's follow-ups and leaves out everyone else's.
 */
export function weeklyReview(
  incidents: readonly Omit<ReviewedIncident, 'teamId'>[],
  today: string,
  now: string,
  onlyOwner?: string,
): WeeklyReview {
  const open: ReviewItem[] = [];
  const dropped: ReviewItem[] = [];
  for (const { id, state, channelId } of incidents) {
    for (const followUp of state.followUps) {
      if (onlyOwner !== undefined && followUp.owner !== onlyOwner) continue;
      const item = {
        incidentId: id,
        incidentNumber: state.number,
        incidentTitle: state.title,
        channelId,
        followUp,
        overdue: followUp.due < today,
      };
      if (followUp.status === 'open') open.push(item);
      else if (
        followUp.status === 'dropped' &&
        followUp.closedAt &&
        Date.parse(now) - Date.parse(followUp.closedAt) <= WEEK
      )
        dropped.push(item);
    }
  }
  const owners = new Map<string, ReviewItem[]>();
  for (const item of open)
    owners.set(item.followUp.owner, [...(owners.get(item.followUp.owner) ?? []), item]);
  const byOwner = [...owners.entries()]
    .map(([owner, items]) => ({ owner, items: items.sort(byUrgency) }))
    .sort((a, b) => overdueCount(b.items) - overdueCount(a.items) || a.owner.localeCompare(b.owner));
  return { byOwner, droppedThisWeek: dropped };
}

/**
 * The reviews a week's follow-ups make, workspace by workspace (teams never mix): for each of
 * `teams`, one for its review channel with its public incidents only (posted even when empty),
 * and one for each owner of a private incident's follow-ups with their own items only. Incidents
 * of other workspaces are left out: they are another deployment's to review.
 */
export function weeklyReviews(
  incidents: readonly ReviewedIncident[],
  teams: readonly string[],
  today: string,
  now: string,
): AddressedReview[] {
  const reviews: AddressedReview[] = [];
  for (const teamId of new Set(teams)) {
    const ofTeam = incidents.filter((i) => i.teamId === teamId);
    const channel = ofTeam.filter((i) => !i.state.private);
    reviews.push({ audience: { kind: 'channel', teamId }, review: weeklyReview(channel, today, now) });
    const secret = ofTeam.filter((i) => i.state.private);
    const owners = [...new Set(secret.flatMap((i) => i.state.followUps.map((f) => f.owner)))].sort();
    for (const owner of owners) {
      const review = weeklyReview(secret, today, now, owner);
      if (review.byOwner.length > 0 || review.droppedThisWeek.length > 0)
        reviews.push({ audience: { kind: 'owner', teamId, owner }, review });
    }
  }
  return reviews;
}

const overdueCount = (items: readonly ReviewItem[]): number => items.filter((i) => i.overdue).length;

function byUrgency(a: ReviewItem, b: ReviewItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return a.followUp.due.localeCompare(b.followUp.due) || a.followUp.rank - b.followUp.rank;
}

/** How a review reaches Slack: the messages it is split into (Slack's limits), and sending one. */
export interface ReviewPublisher<M> {
  /** The workspaces this deployment serves: their incidents are reviewed, each on its own. */
  teams(): Promise<readonly string[]>;
  /** Whether there is somewhere to send it (a review channel may not be configured). */
  reaches(audience: ReviewAudience): boolean;
  /** The review as the messages it goes out in, in order; one when it fits in one. */
  messagesOf(review: WeeklyReview, audience: ReviewAudience): readonly M[];
  /** Sends one message; returns what it did, for the record. */
  send(message: M, audience: ReviewAudience): Promise<string>;
}

export interface WeeklyReviewDeps<M> {
  readonly store: IncidentStore;
  readonly deliveries: Deliveries;
  readonly clock: Clock;
  /** TIMEZONE: the review's week and "overdue" are counted in the deployment's zone. */
  readonly timezone: string;
  readonly publisher: ReviewPublisher<M>;
}

/** What a run did, for the log: messages sent now, messages sent by an earlier run, reviews not sent and why. */
export interface WeeklyReviewRun {
  readonly sent: number;
  readonly already: number;
  readonly notSent: readonly string[];
}

/**
 * Runs the weekly review once per local date, per workspace and per recipient: each message is a
 * delivery keyed by the date, the workspace, the recipient and its place in the review, so a
 * re-run job (BullMQ is at-least-once) or a second replica firing the same occurrence sends only
 * what was not sent yet. A recipient Slack will never reach (deactivated) does not hold up the
 * others; any other failure is thrown once every review was tried, so the job is retried.
 */
export async function runWeeklyReview<M>(deps: WeeklyReviewDeps<M>): Promise<WeeklyReviewRun> {
  const now = deps.clock.now();
  const today =
    DateTime.fromJSDate(now, { zone: deps.timezone }).toISODate() ?? now.toISOString().slice(0, 10);
  const incidents = (await deps.store.listClosedWithFollowUps(1_000)).flatMap((i) =>
    i.state.status === 'closed'
      ? [{ id: i.id, teamId: i.teamId, state: i.state, channelId: i.channelId }]
      : [],
  );
  const reviews = weeklyReviews(incidents, await deps.publisher.teams(), today, now.toISOString());
  const run = { sent: 0, already: 0, notSent: [] as string[] };
  let retryable: unknown = null;
  for (const { audience, review } of reviews) {
    if (!deps.publisher.reaches(audience)) {
      run.notSent.push(`${recipient(audience)}: nowhere to post it`);
      continue;
    }
    const key = reviewKey(audience, today);
    try {
      for (const [n, message] of deps.publisher.messagesOf(review, audience).entries()) {
        const send = () => deps.publisher.send(message, audience);
        run[await deliverOnce(deps.deliveries, `${key}:${n + 1}`, send)] += 1;
      }
    } catch (error) {
      const permanent = error instanceof PermanentEffectError;
      run.notSent.push(`${recipient(audience)}: ${permanent ? error.reason : 'failed, will retry'}`);
      if (!permanent) retryable ??= error;
    }
  }
  if (retryable !== null) throw retryable;
  return run;
}

const reviewKey = (audience: ReviewAudience, today: string): string =>
  audience.kind === 'channel'
    ? `weekly-review:${audience.teamId}:${today}`
    : `weekly-review:${audience.teamId}:${today}:${audience.owner}`;

const recipient = (audience: ReviewAudience): string =>
  audience.kind === 'channel'
    ? `the review channel of ${audience.teamId}`
    : `${audience.owner} in ${audience.teamId}`;
