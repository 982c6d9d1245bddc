import { escalationTimers } from './escalation-policy.js';
import { humanDuration } from './human-duration.js';
import type { ActiveIncident, ClosedIncident, OpenedIncident, ResolvedIncident } from './state.js';
import { isActive } from './state.js';
import type { TimerPolicy, TimerSpec } from './timer-policy-types.js';
import { addMilliseconds, type Instant, isBefore, type Severity } from './types.js';

export const DAY = 24 * 3_600_000;
export { humanDuration };

/**
 * Which timers the incident's state calls for, right now. Timers are derived, not remembered: the
 * scheduler makes the queue match this list after every change, and a firing is honoured only if
 * its timer is still on it. Unclassified incidents nudge for updates at the SEV2 cadence: until
 * triage says otherwise, treat it as serious.
 */
export function timersFor(state: OpenedIncident | { status: 'none' }, policy: TimerPolicy): TimerSpec[] {
  if (state.status === 'none') return [];
  if (isActive(state)) return activeTimers(state, policy);
  if (state.status === 'resolved') return postmortemTimers(state, policy);
  return followUpTimers(state, policy);
}

export const cadenceFor = (severity: OpenedIncident['severity'], policy: TimerPolicy): number =>
  policy.updateCadence[severity === 'pending' ? ('SEV2' satisfies Severity) : severity];

/** When the next stakeholder update is due, or null when the cadence for the severity is off. */
export function nextUpdateDue(state: OpenedIncident, policy: TimerPolicy): Instant | null {
  const cadence = cadenceFor(state.severity, policy);
  if (cadence <= 0) return null;
  const { lastPostedAt, nextUpdateBy, lastNudgedAt, snoozedUntil } = state.updates;
  const since = latest(lastPostedAt ?? state.openedAt, lastNudgedAt);
  // A promised time counts until a nudge has gone out for it; after that the cadence repeats.
  const promised =
    nextUpdateBy !== null && (lastNudgedAt === null || isBefore(lastNudgedAt, nextUpdateBy))
      ? nextUpdateBy
      : null;
  return latest(promised ?? addMilliseconds(since, cadence), snoozedUntil);
}

function activeTimers(state: ActiveIncident, policy: TimerPolicy): TimerSpec[] {
  const timers: TimerSpec[] = [];
  const commander = state.roles.commander;
  const nudge = commanderNudgeTimer(state, policy);
  if (nudge) timers.push(nudge);
  if (state.hold.state === 'active') {
    timers.push({
      kind: 'hold-end',
      key: 'hold-end',
      dueAt: state.hold.endsAt,
      rule: 'Every incident starts with a diagnosis hold (DIAGNOSIS_HOLD).',
      effect: 'Posts what was learned during the hold and asks the commander to choose actions.',
      cancelledBy: 'The commander lifting the hold, or resolving the incident.',
      delivery: 'any-hour',
      recipient: commander,
      followUp: null,
    });
  }
  timers.push(...escalationTimers(state, policy));
  const updateDue = nextUpdateDue(state, policy);
  if (updateDue !== null) {
    const communicator = state.roles.communicator ?? commander;
    timers.push({
      kind: 'update-due',
      key: 'update-due',
      dueAt: updateDue,
      rule: `Stakeholders hear from us every ${humanDuration(cadenceFor(state.severity, policy))} at ${state.severity === 'pending' ? 'an unclassified (treated as SEV2)' : state.severity} severity (UPDATE_CADENCE).`,
      effect: `Nudges ${communicator ? 'the communicator (or commander)' : 'the channel'} to post a stakeholder update.`,
      cancelledBy: 'Posting an update (resets the clock), snoozing the nudge, or resolving the incident.',
      delivery: 'any-hour',
      recipient: communicator,
      followUp: null,
    });
  }
  return timers;
}

/**
 * An incident nobody coordinates drifts: three people try three fixes. Some minutes after opening,
 * with nobody in command, the channel is asked once who will take it.
 */
function commanderNudgeTimer(state: ActiveIncident, policy: TimerPolicy): TimerSpec | null {
  const after = policy.commanderNudgeAfter ?? 0;
  if (after <= 0 || state.roles.commander !== null || state.commanderNudgedAt !== null) return null;
  return {
    kind: 'commander-nudge',
    key: 'commander-nudge',
    dueAt: addMilliseconds(state.openedAt, after),
    rule: `Someone should be in command ${humanDuration(after)} after opening (COMMANDER_NUDGE_AFTER).`,
    effect: 'Asks the channel who will take command, with a Take command button.',
    cancelledBy: 'Anyone taking command (or being assigned it), or resolving the incident.',
    delivery: 'any-hour',
    recipient: null,
    followUp: null,
  };
}

/** Halfway to the deadline, at it, then daily while overdue; from a day overdue the exec hears too. */
export function postmortemReminderAt(resolvedAt: Instant, due: number, n: number): Instant {
  if (n === 1) return addMilliseconds(resolvedAt, Math.floor(due / 2));
  return addMilliseconds(resolvedAt, due + (n - 2) * DAY);
}

function postmortemTimers(state: ResolvedIncident, policy: TimerPolicy): TimerSpec[] {
  if (!state.resolution.postmortemRequired || policy.postmortemDue <= 0) return [];
  const n = state.postmortemReminders + 1;
  const overdue = n >= 3;
  return [
    {
      kind: 'postmortem-reminder',
      key: `postmortem-reminder-${n}`,
      dueAt: postmortemReminderAt(state.resolution.at, policy.postmortemDue, n),
      rule: `The postmortem is due ${humanDuration(policy.postmortemDue)} after resolution (POSTMORTEM_DUE); reminders halfway, at the deadline, then daily.`,
      effect: overdue
        ? 'Reminds the commander, and the VP of Engineering, that the postmortem is overdue.'
        : n === 1
          ? 'Reminds the commander that the postmortem is due in half the time.'
          : 'Reminds the commander that the postmortem is due now.',
      cancelledBy: 'Recording the postmortem, or reopening the incident.',
      delivery: 'working-hours',
      recipient: state.roles.commander ?? state.resolution.by,
      followUp: null,
    },
  ];
}

function followUpTimers(state: ClosedIncident, policy: TimerPolicy): TimerSpec[] {
  const timers: TimerSpec[] = [];
  for (const followUp of state.followUps) {
    if (followUp.status !== 'open') continue;
    const dueStart = `${followUp.due}T00:00:00.000Z`;
    const common = {
      kind: 'follow-up-reminder' as const,
      delivery: 'working-hours' as const,
      recipient: followUp.owner,
    };
    const cancelledBy = 'Marking the follow-up done, or dropping it with a reason.';
    if (!followUp.remindedBefore && policy.followUpReminderLead > 0) {
      timers.push({
        ...common,
        key: `follow-up-${followUp.id}-before`,
        followUp: { followUpId: followUp.id, which: 'before' },
        dueAt: addMilliseconds(dueStart, -policy.followUpReminderLead),
        rule: `Follow-up owners hear ${humanDuration(policy.followUpReminderLead)} before the due date.`,
        effect: `Reminds the owner that "${followUp.title}" is due ${followUp.due}.`,
        cancelledBy,
      });
    } else if (!followUp.remindedOverdue) {
      timers.push({
        ...common,
        key: `follow-up-${followUp.id}-overdue`,
        followUp: { followUpId: followUp.id, which: 'overdue' },
        dueAt: addMilliseconds(dueStart, DAY),
        rule: 'Follow-up owners hear when the due date has passed.',
        effect: `Tells the owner that "${followUp.title}" is overdue.`,
        cancelledBy,
      });
    }
  }
  return timers;
}

function latest(a: Instant, b: Instant | null): Instant {
  return b !== null && isBefore(a, b) ? b : a;
}
