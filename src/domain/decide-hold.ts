import type { LiftHold } from './commands.js';
import { isRejection, requireActive, requireText } from './guards.js';
import { permission } from './permissions.js';
import { reject } from './rejection.js';
import type { OpenedIncident } from './state.js';
import { accept, refuse, type Verdict } from './verdict.js';

/** The commander may end the diagnosis hold early, saying why; the reason goes on the timeline. */
export function decideLiftHold(command: LiftHold, state: OpenedIncident): Verdict {
  const active = requireActive(state, 'lift the diagnosis hold');
  if (isRejection(active)) return refuse(active);
  if (active.hold.state !== 'active') {
    return refuse(reject('hold_not_active', 'The diagnosis hold is already over; actions can start now.'));
  }
  const allowed = permission(state, command.actor, 'lift_hold');
  if (!allowed.allowed) return refuse(allowed.rejection);
  const reason = requireText(command.reason, 'reason', 'a reason to lift the hold early');
  if (isRejection(reason)) return refuse(reason);
  return accept({
    type: 'HoldLifted',
    at: command.now,
    by: command.actor,
    reason,
    endsAt: active.hold.endsAt,
    asCommander: allowed.asCommander,
  });
}
