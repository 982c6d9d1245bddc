import type { Escalate } from './commands.js';
import { audiencesTold, escalationSteps, manualAudiences } from './escalation-policy.js';
import type { IncidentEscalated } from './events.js';
import { optionalText, requireActive } from './guards.js';
import { clockTime, mention, reject } from './rejection.js';
import { isActive, type OpenedIncident } from './state.js';
import type { TimerPolicy } from './timer-policy-types.js';
import { addMilliseconds, isBefore, millisecondsBetween, SYSTEM_ACTOR } from './types.js';
import { acceptFrom, refuse, type Verdict } from './verdict.js';

/**
 * An escalation timer fired and the policy still wants it: every audience whose time has come is
 * told in one event, so two timers due together give one page and one brief, and the second
 * firing finds nothing left to do.
 */
export function escalationFired(
  state: OpenedIncident,
  policy: TimerPolicy,
  now: string,
): IncidentEscalated | null {
  if (!isActive(state)) return null;
  const told = audiencesTold(state);
  const due = escalationSteps(state, policy).filter(
    (step) =>
      !told.has(step.audience) && !isBefore(now, addMilliseconds(state.escalationArmedAt, step.after)),
  );
  if (due.length === 0) return null;
  return {
    type: 'IncidentEscalated',
    at: now,
    by: SYSTEM_ACTOR,
    openForMs: millisecondsBetween(state.escalationArmedAt, now),
    audiences: due.map((step) => step.audience),
  };
}

/**
 * Someone escalates now. The policy's audiences for the severity are told (again, if the timers
 * already told them: a person asking is news); when the policy names nobody, everyone is, because
 * a person asked, and the messages say so. Pending timers for the audiences told fall away.
 */
export function decideEscalate(command: Escalate, state: OpenedIncident): Verdict {
  const active = requireActive(state, 'escalate it');
  const reason = optionalText(command.reason, 'reason', 'the reason');
  const repeat = [...active.escalations]
    .reverse()
    .find((e) => e.by !== SYSTEM_ACTOR && e.reason === reason && !isBefore(e.at, active.escalationArmedAt));
  if (repeat) {
    return refuse(
      reject(
        'invalid_input',
        `${mention(repeat.by)} already escalated this at ${clockTime(repeat.at)} ${reason ? 'for the same reason' : 'without a reason'}, so nobody was told again. To escalate again, say what has changed: \`/incident escalate &lt;reason&gt;\`.`,
        { at: repeat.at, field: 'reason' },
      ),
    );
  }
  const { audiences, beyondPolicy } = manualAudiences(active, command.policy);
  return acceptFrom(command, {
    type: 'IncidentEscalated',
    openForMs: millisecondsBetween(active.escalationArmedAt, command.now),
    audiences,
    reason,
    beyondPolicy,
  });
}
