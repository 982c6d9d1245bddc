import type { ChangeSeverity, ClassifySeverity } from './commands.js';
import { requireActive, requirePermission, requireText } from './guards.js';
import type { OpenedIncident } from './state.js';
import { severityFromTriage } from './triage.js';
import { acceptFrom, unchanged, type Verdict } from './verdict.js';

export function decideClassifySeverity(command: ClassifySeverity, state: OpenedIncident): Verdict {
  requireActive(state, 'classify its severity');
  const asCommander = requirePermission(state, command.actor, 'change_severity');
  const to = severityFromTriage(command.triage);
  if (to === state.severity) return unchanged;
  return acceptFrom(command, {
    type: 'SeverityChanged',
    from: state.severity,
    to,
    reason: 'triage answers',
    triage: command.triage,
    asCommander,
  });
}

export function decideChangeSeverity(command: ChangeSeverity, state: OpenedIncident): Verdict {
  requireActive(state, 'change its severity');
  const asCommander = requirePermission(state, command.actor, 'change_severity');
  const reason = requireText(command.reason, 'reason', 'a reason for the new severity');
  if (command.severity === state.severity) return unchanged;
  return acceptFrom(command, {
    type: 'SeverityChanged',
    from: state.severity,
    to: command.severity,
    reason,
    triage: null,
    asCommander,
  });
}
