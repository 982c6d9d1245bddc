import type { Reopen, Resolve } from './commands.js';
import { requireActive, requirePermission, requireText } from './guards.js';
import { reject } from './rejection.js';
import type { OpenedIncident } from './state.js';
import { isBefore } from './types.js';
import { accept, acceptFrom, refuse, type Verdict } from './verdict.js';

/**
 * SEV1 and SEV2 always get a postmortem, and so does any incident that escalated (someone judged
 * it needed more than its responders, whatever its severity says); SEV3, SEV4 and unclassified
 * ones otherwise when someone asks.
 */
export function postmortemRequired(
  severity: OpenedIncident['severity'],
  wanted: boolean,
  escalated = false,
): boolean {
  return severity === 'SEV1' || severity === 'SEV2' || escalated || wanted;
}

/** Ever escalated, before a reopening too: the postmortem is owed either way. */
export const hasEscalated = (state: OpenedIncident): boolean => state.escalations.length > 0;

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
  return acceptFrom(command, {
    type: 'IncidentResolved',
    summary,
    impactEndedAt: command.impactEndedAt,
    postmortemRequired: postmortemRequired(state.severity, command.postmortemWanted, hasEscalated(state)),
    asCommander,
  });
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
