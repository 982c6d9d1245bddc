import type { LiftHold } from './commands.js';
import { requireActive, requirePermission, requireText } from './guards.js';
import { reject } from './rejection.js';
import type { OpenedIncident } from './state.js';
import { acceptFrom, refuse, type Verdict } from './verdict.js';

/** The commander may end the diagnosis hold early, saying why; the reason goes on the timeline. */
export function decideLiftHold(command: LiftHold, state: OpenedIncident): Verdict {
  const active = requireActive(state, 'lift the diagnosis hold');
  if (active.hold.state !== 'active') {
    return refuse(reject('hold_not_active', 'The diagnosis hold is already over; actions can start now.'));
  }
  const asCommander = requirePermission(state, command.actor, 'lift_hold');
  const reason = requireText(command.reason, 'reason', 'a reason to lift the hold early');
  return acceptFrom(command, { type: 'HoldLifted', reason, endsAt: active.hold.endsAt, asCommander });
}
