import type { IncidentEvent } from './events.js';
import type { Action, Hypothesis, IncidentFacts } from './state.js';

/** The events that change the work of an incident, whatever its status. */
export const WORK_EVENTS = [
  'HypothesisProposed',
  'HypothesisUpdated',
  'HypothesisWithdrawn',
  'ActionProposed',
  'ActionStarted',
  'ActionCompleted',
  'ActionAbandoned',
  'ActionReassigned',
  'DecisionRecorded',
  'MessageCaptured',
  'NoteAdded',
] as const satisfies readonly IncidentEvent['type'][];

export type WorkEvent = Extract<IncidentEvent, { type: (typeof WORK_EVENTS)[number] }>;

export const isWorkEvent = (event: IncidentEvent): event is WorkEvent =>
  (WORK_EVENTS as readonly string[]).includes(event.type);

/**
 * The work of an incident (hypotheses, actions, decisions, the captured timeline): facts that
 * change the same way whatever the incident's status. Exhaustive: a new work event must say here
 * what it changes, or the build fails.
 */
export function evolveWork<S extends IncidentFacts>(state: S, event: WorkEvent): S {
  switch (event.type) {
    case 'HypothesisProposed':
      return {
        ...state,
        hypotheses: [
          ...state.hypotheses,
          {
            id: event.hypothesisId,
            text: event.text,
            status: 'proposed',
            proposedBy: event.by,
            proposedAt: event.at,
            evidence: null,
            changedAt: event.at,
          },
        ],
      };
    case 'HypothesisUpdated':
      return withHypothesis(state, event.hypothesisId, (h) => ({
        ...h,
        status: event.status,
        evidence: event.evidence ?? h.evidence,
        changedAt: event.at,
      }));
    case 'HypothesisWithdrawn':
      return withHypothesis(state, event.hypothesisId, (h) => ({
        ...h,
        status: 'withdrawn',
        evidence: event.reason,
        changedAt: event.at,
      }));
    case 'ActionProposed':
    case 'ActionStarted': {
      const status = event.type === 'ActionProposed' ? 'proposed' : 'in_progress';
      const existing = state.actions.some((a) => a.id === event.actionId);
      if (existing) return withAction(state, event.actionId, (a) => ({ ...a, status }));
      const action: Action = {
        id: event.actionId,
        text: event.text,
        owner: event.owner,
        status,
        hypothesisId: event.hypothesisId,
        createdBy: event.by,
        createdAt: event.at,
        result: null,
      };
      return { ...state, actions: [...state.actions, action] };
    }
    case 'ActionCompleted':
      return withAction(state, event.actionId, (a) => ({ ...a, status: 'done', result: event.outcome }));
    case 'ActionAbandoned':
      return withAction(state, event.actionId, (a) => ({ ...a, status: 'abandoned', result: event.reason }));
    case 'ActionReassigned':
      return withAction(state, event.actionId, (a) => ({ ...a, owner: event.to }));
    case 'DecisionRecorded':
      return {
        ...state,
        decisions: [
          ...state.decisions,
          {
            id: event.decisionId,
            what: event.what,
            why: event.why,
            wouldChangeOurMind: event.wouldChangeOurMind,
            by: event.by,
            at: event.at,
          },
        ],
      };
    case 'MessageCaptured':
      return { ...state, captured: [...state.captured, `${event.channel}/${event.ts}`] };
    case 'NoteAdded':
      return state;
  }
}

function withHypothesis<S extends IncidentFacts>(
  state: S,
  id: string,
  change: (h: Hypothesis) => Hypothesis,
): S {
  return { ...state, hypotheses: state.hypotheses.map((h) => (h.id === id ? change(h) : h)) };
}

function withAction<S extends IncidentFacts>(state: S, id: string, change: (a: Action) => Action): S {
  return { ...state, actions: state.actions.map((a) => (a.id === id ? change(a) : a)) };
}
