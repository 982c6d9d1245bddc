import type { FireTimer } from './commands.js';
import type { IncidentEvent } from './events.js';
import type { OpenedIncident } from './state.js';
import { timersFor } from './timer-policy.js';
import type { TimerSpec } from './timer-policy-types.js';
import { isBefore, millisecondsBetween, SYSTEM_ACTOR } from './types.js';
import { accept, unchanged, type Verdict } from './verdict.js';

/**
 * A timer fired. BullMQ delivers at least once and a timer may outlive the state that set it, so a
 * firing is honoured only when the policy, asked now, still wants this very timer (same key, same
 * due time) and its time has come. Anything else is stale: no events, no Slack messages.
 */
export function decideFireTimer(command: FireTimer, state: OpenedIncident): Verdict {
  const spec = timersFor(state, command.policy).find(
    (t) => t.key === command.key && t.dueAt === command.dueAt,
  );
  if (!spec || isBefore(command.now, spec.dueAt)) return unchanged;
  const event = eventFor(spec, state, command.now);
  return event ? accept(event) : unchanged;
}

function eventFor(spec: TimerSpec, state: OpenedIncident, now: string): IncidentEvent | null {
  const base = { at: now, by: SYSTEM_ACTOR };
  switch (spec.kind) {
    case 'hold-end':
      return { ...base, type: 'HoldEnded' };
    case 'escalation':
      return {
        ...base,
        type: 'IncidentEscalated',
        openForMs: millisecondsBetween(state.escalationArmedAt, now),
      };
    case 'update-due':
      return { ...base, type: 'UpdateNudged', recipient: spec.recipient };
    case 'commander-nudge':
      return { ...base, type: 'CommanderNudged' };
    case 'postmortem-reminder': {
      if (state.status !== 'resolved') return null;
      const n = state.postmortemReminders + 1;
      return {
        ...base,
        type: 'PostmortemReminded',
        n,
        overdue: n >= 3,
        toExec: n >= 3,
        recipient: spec.recipient,
      };
    }
    case 'follow-up-reminder':
      return spec.followUp === null
        ? null
        : {
            ...base,
            type: 'FollowUpReminded',
            followUpId: spec.followUp.followUpId,
            which: spec.followUp.which,
          };
  }
}
