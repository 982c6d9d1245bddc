import type { IncidentCommand } from './commands.js';
import {
  decideAbandonAction,
  decideCompleteAction,
  decideReassignAction,
  decideStartAction,
  decideStartProposedAction,
} from './decide-actions.js';
import { decideEscalate } from './decide-escalation.js';
import { decideExportPostmortem } from './decide-export.js';
import { decideLiftHold } from './decide-hold.js';
import {
  decideProposeHypothesis,
  decideUpdateHypothesis,
  decideWithdrawHypothesis,
} from './decide-hypotheses.js';
import { decideOpen } from './decide-open.js';
import { decideCompleteFollowUp, decideDropFollowUp, decideRecordPostmortem } from './decide-postmortem.js';
import {
  decideAddNote,
  decideCaptureMessage,
  decideChangeStatus,
  decideRecordDecision,
} from './decide-record.js';
import { decideReopen, decideResolve } from './decide-resolution.js';
import { decideAssignRole, decideHandOffRole, decideReleaseRole, decideTakeRole } from './decide-roles.js';
import { decideSetService } from './decide-service.js';
import { decideChangeSeverity, decideClassifySeverity } from './decide-severity.js';
import { decideFireTimer } from './decide-timers.js';
import { decidePostUpdate, decideSnoozeNudge } from './decide-updates.js';
import { Refused } from './guards.js';
import { reject } from './rejection.js';
import type { IncidentState, OpenedIncident } from './state.js';
import { refuse, type Verdict } from './verdict.js';

/**
 * The decider: given what has happened (state) and what someone asks (command), the events that
 * follow, or a rejection that tells them what to do instead. Pure: same input, same answer.
 */
export function decide(command: IncidentCommand, state: IncidentState): Verdict {
  try {
    if (command.type === 'OpenIncident') return decideOpen(command, state);
    if (state.status === 'none')
      return refuse(
        reject('not_open', 'There is no incident here. Open one with `/incident open &lt;title&gt;`.'),
      );
    return decideOnOpened(command, state);
  } catch (error) {
    if (error instanceof Refused) return refuse(error.rejection);
    throw error;
  }
}

function decideOnOpened(
  command: Exclude<IncidentCommand, { type: 'OpenIncident' }>,
  state: OpenedIncident,
): Verdict {
  switch (command.type) {
    case 'TakeRole':
      return decideTakeRole(command, state);
    case 'AssignRole':
      return decideAssignRole(command, state);
    case 'HandOffRole':
      return decideHandOffRole(command, state);
    case 'ReleaseRole':
      return decideReleaseRole(command, state);
    case 'ClassifySeverity':
      return decideClassifySeverity(command, state);
    case 'ChangeSeverity':
      return decideChangeSeverity(command, state);
    case 'LiftHold':
      return decideLiftHold(command, state);
    case 'ProposeHypothesis':
      return decideProposeHypothesis(command, state);
    case 'UpdateHypothesis':
      return decideUpdateHypothesis(command, state);
    case 'WithdrawHypothesis':
      return decideWithdrawHypothesis(command, state);
    case 'StartAction':
      return decideStartAction(command, state);
    case 'StartProposedAction':
      return decideStartProposedAction(command, state);
    case 'CompleteAction':
      return decideCompleteAction(command, state);
    case 'AbandonAction':
      return decideAbandonAction(command, state);
    case 'ReassignAction':
      return decideReassignAction(command, state);
    case 'RecordDecision':
      return decideRecordDecision(command, state);
    case 'AddNote':
      return decideAddNote(command, state);
    case 'CaptureMessage':
      return decideCaptureMessage(command, state);
    case 'ChangeStatus':
      return decideChangeStatus(command, state);
    case 'PostStakeholderUpdate':
      return decidePostUpdate(command, state);
    case 'SnoozeUpdateNudge':
      return decideSnoozeNudge(command, state);
    case 'Resolve':
      return decideResolve(command, state);
    case 'Reopen':
      return decideReopen(command, state);
    case 'SetService':
      return decideSetService(command, state);
    case 'RecordPostmortem':
      return decideRecordPostmortem(command, state);
    case 'CompleteFollowUp':
      return decideCompleteFollowUp(command, state);
    case 'DropFollowUp':
      return decideDropFollowUp(command, state);
    case 'FireTimer':
      return decideFireTimer(command, state);
    case 'Escalate':
      return decideEscalate(command, state);
    case 'ExportPostmortem':
      return decideExportPostmortem(command, state);
  }
}
