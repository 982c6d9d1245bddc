import { escalationOf } from '../escalation-policy.js';
import type { IncidentEvent } from '../events.js';
import type { Escalation, Hypothesis, OpenedIncident } from '../state.js';
import type { TriageAnswers } from '../triage.js';
import type { Instant, SeverityOrPending, Status, UserId } from '../types.js';
import { capitalise } from './draft-words.js';
import { impactThen, impactNow as impactWords } from './impact-words.js';

/** Customer impact as far as the record says: still felt, a fix being watched, or over. */
export type ImpactNow =
  | { readonly state: 'ongoing'; readonly since: Instant }
  | { readonly state: 'fix-monitored'; readonly since: Instant }
  | { readonly state: 'ended'; readonly at: Instant; readonly exact: boolean };

/**
 * What the people escalated to need first, gathered from the state and the timeline: where the
 * incident stands, what customers feel, what stakeholders were last told, what is ruled out, who
 * leads, and the escalation itself (who asked, why). The Slack layer words it.
 */
export interface EscalationBrief {
  readonly number: number;
  readonly title: string;
  readonly drill: boolean;
  readonly severity: SeverityOrPending;
  readonly status: Status;
  readonly openedAt: Instant;
  /** When it was last reopened (escalation counts from there), if it was. */
  readonly reopenedAt: Instant | null;
  readonly resolvedAt: Instant | null;
  /** How long it had been open (since the opening or the last reopening) when it escalated. */
  readonly openForMs: number;
  /** The latest triage answers, when anyone gave them. */
  readonly triage: TriageAnswers | null;
  readonly impact: ImpactNow;
  /** Who is (or was) affected and how, in the stakeholder updates' words: one wording for both. */
  readonly affected: { readonly present: string; readonly past: string };
  readonly lastUpdate: { readonly at: Instant; readonly text: string } | null;
  /** The hypotheses ruled out, each with its evidence. */
  readonly ruledOut: readonly Hypothesis[];
  readonly leading: { readonly text: string; readonly confirmed: boolean } | null;
  readonly commander: UserId | null;
  readonly escalation: Escalation;
}

/** The brief for the escalation at `at` (the latest one when not found). */
export function escalationBrief(
  state: OpenedIncident,
  events: readonly IncidentEvent[],
  at: Instant | null,
): EscalationBrief | null {
  const event =
    lastOf(events, 'IncidentEscalated', (e) => e.at === at) ?? lastOf(events, 'IncidentEscalated');
  if (!event) return null;
  const lastUpdate = lastOf(events, 'StakeholderUpdatePosted');
  return {
    number: state.number,
    title: state.title,
    drill: state.drill,
    severity: state.severity,
    status: state.status,
    openedAt: state.openedAt,
    reopenedAt: state.escalationArmedAt === state.openedAt ? null : state.escalationArmedAt,
    resolvedAt: state.status === 'resolved' || state.status === 'closed' ? state.resolution.at : null,
    openForMs: event.openForMs,
    triage: state.triage,
    impact: impactNow(state, events),
    affected: { present: capitalise(impactWords(state)), past: capitalise(impactThen(state)) },
    lastUpdate: lastUpdate ? { at: lastUpdate.at, text: lastUpdate.text } : null,
    ruledOut: state.hypotheses.filter((h) => h.status === 'ruled_out'),
    leading: leadingHypothesis(state.hypotheses),
    commander: state.roles.commander,
    escalation: escalationOf(event),
  };
}

function impactNow(state: OpenedIncident, events: readonly IncidentEvent[]): ImpactNow {
  if (state.status === 'resolved' || state.status === 'closed') {
    const { impactEndedAt, at } = state.resolution;
    return { state: 'ended', at: impactEndedAt ?? at, exact: impactEndedAt !== null };
  }
  if (state.status === 'monitoring') {
    const since = lastOf(events, 'StatusChanged', (e) => e.to === 'monitoring');
    return { state: 'fix-monitored', since: since?.at ?? state.openedAt };
  }
  return { state: 'ongoing', since: state.openedAt };
}

type EventOf<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

/** The latest event of a type (the timeline is oldest first), optionally one that matches. */
function lastOf<T extends IncidentEvent['type']>(
  events: readonly IncidentEvent[],
  type: T,
  matches: (event: EventOf<T>) => boolean = () => true,
): EventOf<T> | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event?.type === type && matches(event as EventOf<T>)) return event as EventOf<T>;
  }
  return undefined;
}
function leadingHypothesis(hypotheses: readonly Hypothesis[]): EscalationBrief['leading'] {
  const confirmed = hypotheses.find((h) => h.status === 'confirmed');
  const leading = confirmed ?? hypotheses.find((h) => h.status === 'testing');
  return leading ? { text: leading.text, confirmed: leading === confirmed } : null;
}
