import type { Reopen, Resolve } from './commands.js';
import { DETECTION_SOURCES, isDetectionLink } from './detection.js';
import type { SeverityChanged } from './events.js';
import { optionalText, refusing, requireActive, requirePermission, requireText } from './guards.js';
import { type Rejection, reject } from './rejection.js';
import type { OpenedIncident } from './state.js';
import { isBefore } from './types.js';
import { accept, refuse, type Verdict } from './verdict.js';

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
  const window = impactWindowProblem(command, state);
  if (window) return refuse(window);
  const finalUpdate = optionalText(command.finalUpdate, 'update', 'the final update');
  const classified = severityAtResolution(command, state, asCommander);
  const severity = classified ? classified.to : state.severity;
  const stamp = { at: command.now, by: command.actor } as const;
  const resolved = {
    type: 'IncidentResolved',
    ...stamp,
    summary,
    impactEndedAt: command.impactEndedAt,
    postmortemRequired: postmortemRequired(severity, command.postmortemWanted, hasEscalated(state)),
    asCommander,
    // Written only when asked, so a resolution without them is the event it always was.
    ...(command.impactStartedAt != null ? { impactStartedAt: command.impactStartedAt } : {}),
    ...(command.detection != null ? { detection: command.detection } : {}),
  } as const;
  // A pending severity is set first: the postmortem rule above read the one chosen.
  const first = classified ? [classified] : [];
  // Resolved and told in one step: stakeholders hear "resolved" from the same command that says it.
  if (finalUpdate === null) return accept(...first, resolved);
  return accept(...first, resolved, {
    type: 'StakeholderUpdatePosted',
    ...stamp,
    text: finalUpdate,
    nextUpdateBy: null,
    expectedResolution: null,
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

/** When impact started must come before it ended and before now; a detection link must be a link. */
function impactWindowProblem(command: Resolve, state: OpenedIncident): Rejection | null {
  const started = command.impactStartedAt ?? null;
  if (
    started !== null &&
    (isBefore(command.now, started) || isBefore(command.impactEndedAt ?? command.now, started))
  )
    return reject(
      'invalid_input',
      `Customer impact cannot have started after it ended or after now; pick a time at or before ${isBefore(state.openedAt, command.now) ? 'the resolution' : 'now'}.`,
      { field: 'impactStartedAt' },
    );
  const detection = command.detection ?? null;
  if (detection !== null && !DETECTION_SOURCES.includes(detection.source))
    return reject(
      'invalid_input',
      'Say how the incident was detected: an alert, a customer report, staff, or other.',
      {
        field: 'detection',
      },
    );
  if (detection?.link != null && !isDetectionLink(detection.link))
    return reject(
      'invalid_input',
      'The detection link must be a web address starting with https://, on one line.',
      {
        field: 'detectionLink',
      },
    );
  return null;
}
