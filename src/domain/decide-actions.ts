import type {
  AbandonAction,
  CompleteAction,
  ReassignAction,
  StartAction,
  StartProposedAction,
} from './commands.js';
import { optionalText, refusing, requireActive, requireText, requireUser } from './guards.js';
import { clockTime, reject } from './rejection.js';
import type { Action, ActiveIncident, OpenedIncident } from './state.js';
import { isBefore } from './types.js';
import { accept, acceptFrom, acceptWithNotice, refuse, unchanged, type Verdict } from './verdict.js';

/** True while the diagnosis hold runs: `now` is before its end and nobody lifted it. */
export function holdIsActive(state: ActiveIncident, now: string): boolean {
  return state.hold.state === 'active' && isBefore(now, state.hold.endsAt);
}

/**
 * Starting an action during the diagnosis hold does not start it: it is kept as a proposed action,
 * and the person is told when the hold ends. Outside the hold it starts at once.
 */
export function decideStartAction(command: StartAction, state: OpenedIncident): Verdict {
  const active = requireActive(state, 'start an action');
  if (state.actions.some((a) => a.id === command.actionId)) return unchanged;
  const text = requireText(command.text, 'action', 'what the action is');
  const owner = requireUser(command.owner, 'owner', 'who owns the action');
  if (command.hypothesisId !== null && !state.hypotheses.some((h) => h.id === command.hypothesisId)) {
    return refuse(
      reject(
        'unknown_hypothesis',
        'The action tests a hypothesis I cannot find; pick one from the header or leave it empty.',
      ),
    );
  }
  const facts = {
    actionId: command.actionId,
    text,
    owner,
    hypothesisId: command.hypothesisId,
  };
  if (holdIsActive(active, command.now) && active.hold.state === 'active') {
    const endsAt = active.hold.endsAt;
    return acceptWithNotice(
      reject(
        'hold_active',
        `The diagnosis hold ends at ${clockTime(endsAt)}; I recorded this as a proposed action. Record hypotheses meanwhile, or ask the commander to lift the hold.`,
        { at: endsAt },
      ),
      { type: 'ActionProposed', at: command.now, by: command.actor, ...facts, holdEndsAt: endsAt },
    );
  }
  return accept({ type: 'ActionStarted', at: command.now, by: command.actor, ...facts, wasProposed: false });
}

export function decideStartProposedAction(command: StartProposedAction, state: OpenedIncident): Verdict {
  const active = requireActive(state, 'start an action');
  const action = find(state, command.actionId);
  if (action.status !== 'proposed')
    return action.status === 'in_progress' ? unchanged : refuse(finished(action));
  if (holdIsActive(active, command.now) && active.hold.state === 'active') {
    const endsAt = active.hold.endsAt;
    return refuse(
      reject(
        'hold_active',
        `The diagnosis hold ends at ${clockTime(endsAt)}; start it then, or ask the commander to lift the hold.`,
        { at: endsAt },
      ),
    );
  }
  return acceptFrom(command, {
    type: 'ActionStarted',
    actionId: action.id,
    text: action.text,
    owner: action.owner,
    hypothesisId: action.hypothesisId,
    wasProposed: true,
  });
}

export function decideCompleteAction(command: CompleteAction, state: OpenedIncident): Verdict {
  const action = find(state, command.actionId);
  if (action.status === 'done') return unchanged;
  if (action.status !== 'in_progress')
    return refuse(action.status === 'proposed' ? notStarted() : finished(action));
  const outcome = optionalText(command.outcome, 'outcome', 'The outcome');
  return acceptFrom(command, { type: 'ActionCompleted', actionId: action.id, outcome });
}

export function decideAbandonAction(command: AbandonAction, state: OpenedIncident): Verdict {
  const action = find(state, command.actionId);
  if (action.status === 'abandoned') return unchanged;
  if (action.status === 'done') return refuse(finished(action));
  const reason = requireText(command.reason, 'reason', 'why the action is abandoned');
  return accept({ type: 'ActionAbandoned', at: command.now, by: command.actor, actionId: action.id, reason });
}

export function decideReassignAction(command: ReassignAction, state: OpenedIncident): Verdict {
  const action = find(state, command.actionId);
  const owner = requireUser(command.owner, 'owner', 'the new owner');
  if (action.owner === owner) return unchanged;
  if (action.status === 'done' || action.status === 'abandoned') return refuse(finished(action));
  return acceptFrom(command, {
    type: 'ActionReassigned',
    actionId: action.id,
    from: action.owner,
    to: owner,
  });
}

function find(state: OpenedIncident, id: string): Action {
  return (
    state.actions.find((a) => a.id === id) ??
    refusing(reject('unknown_action', 'I cannot find that action; pick one from the header.'))
  );
}

const finished = (action: Action) =>
  reject(
    'invalid_transition',
    `That action is already ${action.status === 'done' ? 'done' : 'abandoned'}; add a new action if more work is needed.`,
  );

const notStarted = () =>
  reject('invalid_transition', 'That action was only proposed; start it first, then mark it done.');
