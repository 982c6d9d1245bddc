import { DateTime } from 'luxon';
import type { ClosedIncident, FollowUp } from '../domain/index.js';
import type { Clock } from './ports/clock.js';
import { type Deliveries, deliverOnce } from './ports/deliveries.js';
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

const WEEK = 7 * 24 * 3_600_000;

/**
 * The weekly follow-up review, from the closed incidents that still have follow-ups to look at.
 * `today` is the calendar date in TIMEZONE: a follow-up is overdue once its due date has passed.
 */
export function weeklyReview(
  incidents: readonly {
    readonly id: string;
    readonly state: ClosedIncident;
    readonly channelId: string | null;
  }[],
  today: string,
  now: string,
): WeeklyReview {
  const open: ReviewItem[] = [];
  const dropped: ReviewItem[] = [];
  for (const { id, state, channelId } of incidents) {
    for (const followUp of state.followUps) {
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

const overdueCount = (items: readonly ReviewItem[]): number => items.filter((i) => i.overdue).length;

function byUrgency(a: ReviewItem, b: ReviewItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return a.followUp.due.localeCompare(b.followUp.due) || a.followUp.rank - b.followUp.rank;
}

export interface WeeklyReviewDeps {
  readonly store: IncidentStore;
  readonly deliveries: Deliveries;
  readonly clock: Clock;
  /** TIMEZONE: the review's week and "overdue" are counted in the deployment's zone. */
  readonly timezone: string;
  /** Posts the review (to POSTMORTEM_CHANNEL); returns what it did, for the log. */
  readonly publish: (review: WeeklyReview) => Promise<string>;
}

/**
 * Runs the weekly review once per local date: a re-run job (BullMQ is at-least-once) or a second
 * replica firing the same occurrence finds it delivered and posts nothing.
 */
export async function runWeeklyReview(deps: WeeklyReviewDeps): Promise<'sent' | 'already'> {
  const now = deps.clock.now();
  const today =
    DateTime.fromJSDate(now, { zone: deps.timezone }).toISODate() ?? now.toISOString().slice(0, 10);
  return deliverOnce(deps.deliveries, `weekly-review:${today}`, async () => {
    const incidents = await deps.store.listClosedWithFollowUps(1_000);
    const closed = incidents.flatMap((i) =>
      i.state.status === 'closed' ? [{ id: i.id, state: i.state, channelId: i.channelId }] : [],
    );
    return deps.publish(weeklyReview(closed, today, now.toISOString()));
  });
}
