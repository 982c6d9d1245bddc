import { escalationOf } from './escalation-policy.js';
import type { IncidentEvent, IncidentOpened } from './events.js';
import { evolveWork, isWorkEvent, type WorkEvent } from './evolve-work.js';
import type { ActiveIncident, IncidentState, OpenedIncident, SettledHold } from './state.js';
import { isBefore, SYSTEM_ACTOR, type UserId } from './types.js';

/**
 * Applies one event to the state. Total: an event that makes no sense for the state leaves it
 * unchanged. Exhaustive: every event type is named here or in `evolveWork`, so adding one to the
 * union fails the build until its effect on the state is written down.
 */
export function evolve(state: IncidentState, event: IncidentEvent): IncidentState {
  if (event.type === 'IncidentOpened') return state.status === 'none' ? opened(event) : state;
  if (state.status === 'none') return state;
  const touched = withParticipant(state, event.by);
  return isWorkEvent(event) ? evolveWork(touched, event) : evolveLifecycle(touched, event);
}

/** Folds a whole history from the initial state. */
export const replay = (
  events: readonly IncidentEvent[],
  from: IncidentState = { status: 'none' },
): IncidentState => events.reduce(evolve, from);

function opened(event: IncidentOpened): ActiveIncident {
  return {
    status: 'investigating',
    number: event.number,
    title: event.title,
    service: event.service,
    severity: event.severity,
    private: event.private,
    drill: event.drill,
    reporter: event.reporter,
    openedAt: event.at,
    roles: { commander: null, communicator: null, scribe: null },
    participants: [event.reporter],
    commanderFirstNamedAt: null,
    hypotheses: [],
    actions: [],
    decisions: [],
    captured: [],
    updates: {
      lastPostedAt: null,
      nextUpdateBy: null,
      lastNudgedAt: null,
      snoozedUntil: null,
      expectedResolution: null,
      count: 0,
    },
    escalationArmedAt: event.at,
    escalatedAt: null,
    escalations: [],
    commanderNudgedAt: null,
    triage: event.triage ?? null,
    hold: event.holdEndsAt === null ? { state: 'off' } : { state: 'active', endsAt: event.holdEndsAt },
  };
}

function evolveLifecycle(
  state: OpenedIncident,
  event: Exclude<IncidentEvent, IncidentOpened | WorkEvent>,
): IncidentState {
  switch (event.type) {
    case 'RoleAssigned': {
      const named =
        event.role === 'commander' && state.commanderFirstNamedAt === null
          ? event.at
          : state.commanderFirstNamedAt;
      return {
        ...withParticipant(state, event.userId),
        roles: { ...state.roles, [event.role]: event.userId },
        commanderFirstNamedAt: named,
      };
    }
    case 'RoleReleased':
      return { ...state, roles: { ...state.roles, [event.role]: null } };
    case 'SeverityChanged':
      return { ...state, severity: event.to, triage: event.triage ?? state.triage };
    case 'HoldLifted':
      return state.status === 'resolved' || state.status === 'closed'
        ? state
        : {
            ...state,
            hold: {
              state: 'lifted',
              endsAt: event.endsAt,
              liftedAt: event.at,
              by: event.by,
              reason: event.reason,
            },
          };
    case 'HoldEnded':
      return state.status === 'resolved' || state.status === 'closed' || state.hold.state !== 'active'
        ? state
        : { ...state, hold: { state: 'ended', endsAt: state.hold.endsAt } };
    case 'StatusChanged':
      return state.status === 'resolved' || state.status === 'closed'
        ? state
        : { ...state, status: event.to };
    case 'IncidentEscalated':
      return {
        ...state,
        escalatedAt: state.escalatedAt ?? event.at,
        escalations: [...state.escalations, escalationOf(event)],
      };
    case 'StakeholderUpdatePosted':
      return {
        ...state,
        updates: {
          ...state.updates,
          lastPostedAt: event.at,
          nextUpdateBy: event.nextUpdateBy,
          snoozedUntil: null,
          expectedResolution: event.expectedResolution ?? state.updates.expectedResolution,
          count: state.updates.count + 1,
        },
      };
    case 'UpdateNudged':
      return { ...state, updates: { ...state.updates, lastNudgedAt: event.at } };
    case 'UpdateNudgeSnoozed':
      return { ...state, updates: { ...state.updates, snoozedUntil: event.until } };
    case 'IncidentResolved':
      if (state.status === 'resolved' || state.status === 'closed') return state;
      return {
        ...state,
        status: 'resolved',
        hold: settle(state.hold, event.at),
        resolution: {
          at: event.at,
          by: event.by,
          summary: event.summary,
          impactEndedAt: event.impactEndedAt,
          postmortemRequired: event.postmortemRequired,
          // Events stored before these were asked have neither.
          impactStartedAt: event.impactStartedAt ?? null,
          detection: event.detection ?? null,
        },
        postmortemReminders: 0,
      };
    case 'IncidentReopened': {
      if (state.status !== 'resolved') return state;
      const { resolution: _resolution, postmortemReminders: _reminders, ...facts } = state;
      return { ...facts, status: 'investigating', escalationArmedAt: event.at, escalatedAt: null };
    }
    case 'ServiceSet':
      return { ...state, service: event.to };
    case 'CommanderNudged':
      return { ...state, commanderNudgedAt: event.at };
    case 'PostmortemReminded':
      return state.status === 'resolved' ? { ...state, postmortemReminders: event.n } : state;
    case 'PostmortemRecorded': {
      if (state.status !== 'resolved') return state;
      const { postmortemReminders: _reminders, ...facts } = state;
      return {
        ...facts,
        status: 'closed',
        postmortem: { at: event.at, by: event.by, answers: { ...NO_ANSWERS, ...event.answers } },
        followUps: event.followUps.map((f) => ({
          ...f,
          runbook: f.runbook ?? false,
          status: 'open',
          closedAt: null,
          dropReason: null,
          remindedBefore: false,
          remindedOverdue: false,
        })),
      };
    }
    case 'PostmortemExported':
      // A copy of the record sent again: nothing about the incident changes.
      return state;
    case 'FollowUpReminded':
    case 'FollowUpCompleted':
    case 'FollowUpDropped':
      if (state.status !== 'closed') return state;
      return {
        ...state,
        followUps: state.followUps.map((f) => {
          if (f.id !== event.followUpId) return f;
          if (event.type === 'FollowUpCompleted') return { ...f, status: 'done', closedAt: event.at };
          if (event.type === 'FollowUpDropped')
            return { ...f, status: 'dropped', closedAt: event.at, dropReason: event.reason };
          return event.which === 'before' ? { ...f, remindedBefore: true } : { ...f, remindedOverdue: true };
        }),
      };
  }
}

/** The sections a postmortem recorded before they were asked has no answer for. */
const NO_ANSWERS = {
  rootCauses: '',
  contributingFactors: '',
  wentWell: '',
  wentWrong: '',
  gotLucky: '',
  runbook: '',
} as const;

/** An active hold still running at resolution counts as ended then. */
function settle(hold: ActiveIncident['hold'], at: string): SettledHold {
  return hold.state === 'active'
    ? { state: 'ended', endsAt: isBefore(at, hold.endsAt) ? at : hold.endsAt }
    : hold;
}

function withParticipant<S extends OpenedIncident>(state: S, userId: UserId): S {
  if (userId === SYSTEM_ACTOR || state.participants.includes(userId)) return state;
  return { ...state, participants: [...state.participants, userId] };
}
