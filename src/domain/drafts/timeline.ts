import type { IncidentEvent } from '../events.js';
import { type EscalationAudience, type Instant, SYSTEM_ACTOR, type UserId } from '../types.js';
import type { RichText } from './rich-text.js';

/** Where an event sits on the timeline: captured messages at the time they were posted. */
export const timeOf = (event: IncidentEvent): Instant =>
  event.type === 'MessageCaptured' ? event.postedAt : event.at;

/** Long texts are quoted in part; a cut never splits a surrogate pair (half an emoji). */
function quote(text: string): string {
  if (text.length <= 280) return text;
  const cut = /[\ud800-\udbff]/.test(text.charAt(278)) ? 278 : 279;
  return `${text.slice(0, cut)}…`;
}

const AUDIENCE: Readonly<Record<EscalationAudience, string>> = {
  senior: 'the senior engineer',
  exec: 'the VP of Engineering',
};

/** Whom an escalation told; by hand (the line's author asked), and why (events before the policy told both). */
function escalationLine(event: Extract<IncidentEvent, { type: 'IncidentEscalated' }>): RichText {
  const to = (event.audiences ?? ['senior', 'exec']).map((a) => AUDIENCE[a]).join(' and ');
  if (event.by === SYSTEM_ACTOR) return [`Escalated to ${to}`];
  const beyond = event.beyondPolicy ? ' (beyond the escalation policy, on request)' : '';
  const why = event.reason ? `: ${quote(event.reason)}` : ' (no reason given)';
  return [`Escalated by hand to ${to}${beyond}${why}`];
}

/** Names of things events refer to by id: a hypothesis's or an action's text. */
export interface TimelineNames {
  readonly hypotheses: ReadonlyMap<string, string>;
  readonly actions: ReadonlyMap<string, string>;
}

const NO_NAMES: TimelineNames = { hypotheses: new Map(), actions: new Map() };

/** The names an incident's events give its hypotheses and actions, for `describeEvent`. */
export function namesIn(events: readonly IncidentEvent[]): TimelineNames {
  const hypotheses = new Map<string, string>();
  const actions = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'HypothesisProposed') hypotheses.set(event.hypothesisId, event.text);
    if (event.type === 'ActionProposed' || event.type === 'ActionStarted')
      actions.set(event.actionId, event.text);
  }
  return { hypotheses, actions };
}

/** One line of the timeline: plain words, with the people it names kept apart (see `RichText`). */
export function describeEvent(event: IncidentEvent, names: TimelineNames = NO_NAMES): RichText {
  const hypothesis = (id: string) =>
    names.hypotheses.has(id) ? ` "${quote(names.hypotheses.get(id) ?? '')}"` : '';
  const action = (id: string) => (names.actions.has(id) ? ` "${quote(names.actions.get(id) ?? '')}"` : '');
  const who = (user: UserId) => ({ user });
  switch (event.type) {
    case 'IncidentOpened':
      return [
        `Opened INC-${event.number} "${event.title}" (severity ${event.severity}${event.drill ? ', drill' : ''})`,
      ];
    case 'RoleAssigned':
      return [
        who(event.userId),
        ` became ${event.role}`,
        ...(event.previous ? [' (after ', who(event.previous), ')'] : []),
      ];
    case 'RoleReleased':
      return [who(event.userId), ` released ${event.role}`];
    case 'SeverityChanged':
      return [`Severity ${event.from} → ${event.to}: ${event.reason}`];
    case 'HoldLifted':
      return [`Diagnosis hold lifted early: ${event.reason}`];
    case 'HoldEnded':
      return ['Diagnosis hold ended'];
    case 'HypothesisProposed':
      return [`Hypothesis: ${quote(event.text)}`];
    case 'HypothesisUpdated':
      return [
        `Hypothesis${hypothesis(event.hypothesisId)} ${event.status.replace('_', ' ')}${event.evidence ? `: ${quote(event.evidence)}` : ''}`,
      ];
    case 'HypothesisWithdrawn':
      return [`Confirmed hypothesis${hypothesis(event.hypothesisId)} withdrawn: ${event.reason}`];
    case 'ActionProposed':
      return [`Action proposed during the hold: ${quote(event.text)} (owner `, who(event.owner), ')'];
    case 'ActionStarted':
      return [`Action started: ${quote(event.text)} (owner `, who(event.owner), ')'];
    case 'ActionCompleted':
      return [`Action${action(event.actionId)} done${event.outcome ? `: ${quote(event.outcome)}` : ''}`];
    case 'ActionAbandoned':
      return [`Action${action(event.actionId)} abandoned: ${event.reason}`];
    case 'ActionReassigned':
      return [`Action${action(event.actionId)} handed from `, who(event.from), ' to ', who(event.to)];
    case 'DecisionRecorded':
      return [
        `Decision: ${event.what} (because ${event.why}; would change our mind: ${event.wouldChangeOurMind})`,
      ];
    case 'NoteAdded':
      return [`Note: ${quote(event.text)}`];
    case 'MessageCaptured':
      return [who(event.author), ` said: ${quote(event.text)}`];
    case 'StatusChanged':
      return [`Status ${event.from} → ${event.to}${event.note ? `: ${event.note}` : ''}`];
    case 'IncidentEscalated':
      return escalationLine(event);
    case 'StakeholderUpdatePosted':
      return [`Stakeholder update posted: ${quote(event.text)}`];
    case 'UpdateNudged':
      return ['Stakeholder update was due; nudged'];
    case 'UpdateNudgeSnoozed':
      return ['Update nudge snoozed'];
    case 'IncidentResolved':
      return [`Resolved: ${event.summary}`];
    case 'IncidentReopened':
      return [`Reopened: ${event.reason}`];
    case 'ServiceSet':
      return [
        event.from ? `Service changed from ${event.from} to ${event.to}` : `Service named: ${event.to}`,
      ];
    case 'CommanderNudged':
      return ['Nobody had taken command; the channel was asked'];
    case 'PostmortemReminded':
      return [`Postmortem reminder ${event.n}${event.overdue ? ' (overdue)' : ''}`];
    case 'PostmortemRecorded':
      return ['Postmortem recorded with three follow-ups'];
    case 'FollowUpReminded':
      return [`Follow-up reminder (${event.which})`];
    case 'FollowUpCompleted':
      return ['Follow-up done'];
    case 'FollowUpDropped':
      return [`Follow-up dropped: ${event.reason}`];
    case 'PostmortemExported':
      return ['Final postmortem record sent again'];
  }
}
