import type { ChangeSeverity, ClassifySeverity } from './commands.js';
import { isRejection, requireActive, requireText } from './guards.js';
import { permission } from './permissions.js';
import type { OpenedIncident } from './state.js';
import { severityFromTriage } from './triage.js';
import { accept, refuse, unchanged, type Verdict } from './verdict.js';

export function decideClassifySeverity(command: ClassifySeverity, state: OpenedIncident): Verdict {
  const active = requireActive(state, 'classify its severity');
  if (isRejection(active)) return refuse(active);
  const allowed = permission(state, command.actor, 'change_severity');
  if (!allowed.allowed) return refuse(allowed.rejection);
  const to = severityFromTriage(command.triage);
  if (to === state.severity) return unchanged;
  return accept({
    type: 'SeverityChanged',
    at: command.now,
    by: command.actor,
    from: state.severity,
    to,
    reason: 'triage answers',
    triage: command.triage,
    asCommander: allowed.asCommander,
  });
}

export function decideChangeSeverity(command: ChangeSeverity, state: OpenedIncident): Verdict {
  const active = requireActive(state, 'change its severity');
  if (isRejection(active)) return refuse(active);
  const allowed = permission(state, command.actor, 'change_severity');
  if (!allowed.allowed) return refuse(allowed.rejection);
  const reason = requireText(command.reason, 'reason', 'a reason for the new severity');
  if (isRejection(reason)) return refuse(reason);
  if (command.severity === state.severity) return unchanged;
  return accept({
    type: 'SeverityChanged',
    at: command.now,
    by: command.actor,
    from: state.severity,
    to: command.severity,
    reason,
    triage: null,
    asCommander: allowed.asCommander,
  });
}
