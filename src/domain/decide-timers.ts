import type { FireTimer } from './commands.js';
import { escalationFired } from './decide-escalation.js';
import type { IncidentEvent } from './events.js';
import type { OpenedIncident } from './state.js';
import { timersFor } from './timer-policy.js';
import type { TimerPolicy, TimerSpec } from './timer-policy-types.js';
import { isBefore, SYSTEM_ACTOR } from './types.js';
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
  const event = eventFor(spec, state, command.policy, command.now);
  return event ? accept(event) : unchanged;
}

function eventFor(
  spec: TimerSpec,
  state: OpenedIncident,
  policy: TimerPolicy,
  now: string,
): IncidentEvent | null {
  const base = { at: now, by: SYSTEM_ACTOR };
  switch (spec.kind) {
    case 'hold-end':
      return { ...base, type: 'HoldEnded' };
    case 'escalation':
      // Queued before the escalation policy; the policy never wants it, so it cannot get here.
      return null;
    case 'escalation-senior':
    case 'escalation-exec':
      return escalationFired(state, policy, now);
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
