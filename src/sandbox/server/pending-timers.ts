import { TIMER_LABELS } from '../../adapters/slack/views/timers.js';
import type { IncidentStore } from '../../app/ports/incident-store.js';
import { placeTimers } from '../../app/timer-sync.js';
import type { TimerPolicy } from '../../domain/index.js';
import type { TimerView } from '../protocol.js';

export interface PendingTimersDeps {
  readonly store: IncidentStore;
  readonly policy: TimerPolicy;
  readonly teamId: string;
  /** A person's zone (their profile in the stand-in), as the bot reads it from Slack. */
  readonly zoneOf: (userId: string | null) => Promise<string>;
}

/**
 * The timers pending for the incident of a channel, soonest first, placed in time by the bot's own
 * policy and scheduler rule (`placeTimers`: chores held for their recipient's working hours): what
 * `/incident timers` lists and what the bot keeps in BullMQ. Null when the channel is no incident's.
 */
export async function pendingTimers(deps: PendingTimersDeps, channel: string): Promise<TimerView[] | null> {
  const incident = await deps.store.findByChannel(deps.teamId, channel);
  if (!incident) return null;
  const placed = await placeTimers(incident.state, deps.policy, deps.zoneOf);
  const views = await Promise.all(
    placed.map(async (timer) => ({
      label: TIMER_LABELS[timer.kind],
      fireAt: timer.fireAt,
      dueAt: timer.dueAt,
      rule: timer.rule,
      effect: timer.effect,
      cancelledBy: timer.cancelledBy,
      heldFor: timer.fireAt === timer.dueAt ? null : await deps.zoneOf(timer.recipient),
    })),
  );
  return views.sort((a, b) => a.fireAt.localeCompare(b.fireAt));
}
