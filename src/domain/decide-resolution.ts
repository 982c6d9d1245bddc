import type { Reopen, Resolve } from './commands.js';
import type { SeverityChanged } from './events.js';
import { refusing, requireActive, requirePermission, requireText } from './guards.js';
import { reject } from './rejection.js';
import type { OpenedIncident } from './state.js';
import { isBefore } from './types.js';
import { accept, refuse, type Verdict } from './verdict.js';

/** SEV1 and SEV2 always get a postmortem; SEV3, SEV4 and unclassified ones when someone asks. */
export function postmortemRequired(severity: OpenedIncident['severity'], wanted: boolean): boolean {
  return severity === 'SEV1' || severity === 'SEV2' || wanted;
}

export function decideResolve(command: Resolve, state: OpenedIncident): Verdict {
  requireActive(state, 'resolve it');
  const asCommander = requirePermission(state, command.actor, 'resolve');
  const summary = requireText(
    command.summary,
    'summary',
    'a resolution summary: what fixed it, in a sentence or two',
  );
  if (
    command.impactEndedAt !== null &&
    (isBefore(command.impactEndedAt, state.openedAt) || isBefore(command.now, command.impactEndedAt))
  ) {
    return refuse(
      reject(
        'invalid_input',
        'Customer impact must have ended between the opening and now; check the time.',
        {
          field: 'impactEndedAt',
        },
      ),
    );
  }
  const classified = severityAtResolution(command, state, asCommander);
  const severity = classified ? classified.to : state.severity;
  return accept(...(classified ? [classified] : []), {
    type: 'IncidentResolved',
    at: command.now,
    by: command.actor,
    summary,
    impactEndedAt: command.impactEndedAt,
    postmortemRequired: postmortemRequired(severity, command.postmortemWanted),
    asCommander,
  });
}

/**
 * An incident is not resolved unclassified: its severity decides its postmortem and its figures.
 * While it is pending, the resolve names it, and it is recorded as a severity change first.
 */
function severityAtResolution(
  command: Resolve,
  state: OpenedIncident,
  asCommander: boolean,
): SeverityChanged | null {
  if (state.severity !== 'pending') return null;
  if (!command.severity)
    return refusing(
      reject(
        'invalid_input',
        'The severity is still pending: choose one (SEV1 to SEV4) before resolving, so the postmortem and the figures are right.',
        { field: 'severity' },
      ),
    );
  return {
    type: 'SeverityChanged',
    at: command.now,
    by: command.actor,
    from: 'pending',
    to: command.severity,
    reason: 'set when resolving',
    triage: null,
    asCommander,
  };
}

export function decideReopen(command: Reopen, state: OpenedIncident): Verdict {
  if (state.status !== 'resolved') {
    const why =
      state.status === 'closed' ? 'its postmortem is recorded; open a new incident' : 'it is still open';
    return refuse(reject('wrong_status', `This incident cannot be reopened: ${why}.`));
  }
  requirePermission(state, command.actor, 'reopen');
  const reason = requireText(command.reason, 'reason', 'why the incident is back');
  return accept({ type: 'IncidentReopened', at: command.now, by: command.actor, reason });
}
