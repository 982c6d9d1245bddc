import type { IncidentEvent } from '../events.js';
import type { OpenedIncident } from '../state.js';
import { cadenceFor } from '../timer-policy.js';
import type { TimerPolicy } from '../timer-policy-types.js';
import type { Instant, SeverityOrPending } from '../types.js';
import { plainWords, type RichText } from './rich-text.js';
import { describeEvent, namesIn, timeOf } from './timeline.js';

export interface TimelineEntry {
  readonly at: Instant;
  readonly who: string;
  /** The entry in plain words (people as `@U…`), for reading; renderers use `parts`. */
  readonly what: string;
  /** The entry's words and the people it names, apart, so each renderer escapes the words. */
  readonly parts: RichText;
}

/** The postmortem draft as data: the Slack layer summarises it, the Markdown renderer writes it out. */
export interface PostmortemDraft {
  readonly number: number;
  readonly title: string;
  readonly service: string | null;
  readonly severity: SeverityOrPending;
  readonly drill: boolean;
  readonly summary: string;
  readonly impact: string;
  readonly openedAt: Instant;
  readonly resolvedAt: Instant | null;
  readonly impactEndedAt: Instant | null;
  readonly durationMs: number | null;
  readonly keyTimes: readonly { readonly label: string; readonly at: Instant | null }[];
  readonly timeline: readonly TimelineEntry[];
  readonly hypothesesConfirmed: readonly { readonly text: string; readonly evidence: string | null }[];
  readonly hypothesesRuledOut: readonly { readonly text: string; readonly evidence: string | null }[];
  readonly decisions: readonly {
    readonly what: string;
    readonly why: string;
    readonly wouldChangeOurMind: string;
    readonly at: Instant;
    readonly by: string;
  }[];
  readonly actions: readonly {
    readonly text: string;
    readonly owner: string;
    readonly status: string;
    readonly result: string | null;
  }[];
  readonly process: ProcessFigures;
  readonly agenda: readonly string[];
  readonly followUpSlots: readonly { readonly rank: 1 | 2 | 3 }[];
}

/**
 * How the process went. `holdRespected` is true when the diagnosis hold ran its course (ended by its
 * timer or by resolution) or was lifted by the commander with a reason — that is, nobody started
 * work around it; false never happens through this bot, which refuses actions during the hold, but
 * null means there was no hold to respect (DIAGNOSIS_HOLD was off).
 */
export interface ProcessFigures {
  readonly timeToCommanderMs: number | null;
  readonly holdRespected: boolean | null;
  /** How the hold ended, in plain words (people as `@U…`), for reading; renderers use `holdOutcomeParts`. */
  readonly holdOutcome: string;
  readonly holdOutcomeParts: RichText;
  readonly updatesPosted: number;
  /** The longest stretch without a stakeholder update, from opening to resolution. */
  readonly longestUpdateGapMs: number | null;
  readonly updateCadenceMs: number;
  readonly escalatedAt: Instant | null;
}

export const AGENDA = [
  'What happened?',
  'Why did detection not catch it sooner?',
  'Why did the response take as long as it did?',
  'What do we change?',
] as const;

/** The postmortem draft, written from the stored timeline. Linear in the number of events. */
export function postmortemDraft(
  state: OpenedIncident,
  events: readonly IncidentEvent[],
  policy: TimerPolicy,
): PostmortemDraft {
  const resolution = state.status === 'resolved' || state.status === 'closed' ? state.resolution : null;
  const resolvedAt = resolution?.at ?? null;
  const end = resolution?.impactEndedAt ?? resolvedAt;
  const firstHoldEnd = events.find(
    (e) => e.type === 'HoldEnded' || e.type === 'HoldLifted' || e.type === 'IncidentResolved',
  );
  const names = namesIn(events);
  const timeline = events
    .map((event, index) => ({ event, index, at: timeOf(event) }))
    .sort((a, b) => (a.at === b.at ? a.index - b.index : a.at < b.at ? -1 : 1))
    .map(({ event, at }) => {
      const parts = describeEvent(event, names);
      return { at, who: event.by, what: plainWords(parts), parts };
    });
  return {
    number: state.number,
    title: state.title,
    service: state.service,
    severity: state.severity,
    drill: state.drill,
    summary: resolution ? `${state.title}. ${resolution.summary}` : `${state.title}. Not resolved yet.`,
    impact: state.service
      ? `${capitalise(state.service)} was affected at ${state.severity === 'pending' ? 'an unclassified' : state.severity} severity${end ? ` for ${duration(Date.parse(end) - Date.parse(state.openedAt))}` : ''}.`
      : `Severity ${state.severity}; the affected services were not recorded.`,
    openedAt: state.openedAt,
    resolvedAt,
    impactEndedAt: resolution?.impactEndedAt ?? null,
    durationMs: resolvedAt ? Date.parse(resolvedAt) - Date.parse(state.openedAt) : null,
    keyTimes: [
      { label: 'Opened', at: state.openedAt },
      { label: 'Commander named', at: state.commanderFirstNamedAt },
      { label: 'Diagnosis hold ended', at: firstHoldEnd ? firstHoldEnd.at : null },
      { label: 'Escalated', at: state.escalatedAt },
      { label: 'Customer impact ended', at: resolution?.impactEndedAt ?? null },
      { label: 'Resolved', at: resolvedAt },
    ],
    timeline,
    hypothesesConfirmed: state.hypotheses
      .filter((h) => h.status === 'confirmed')
      .map((h) => ({ text: h.text, evidence: h.evidence })),
    hypothesesRuledOut: state.hypotheses
      .filter((h) => h.status === 'ruled_out')
      .map((h) => ({ text: h.text, evidence: h.evidence })),
    decisions: state.decisions.map((d) => ({
      what: d.what,
      why: d.why,
      wouldChangeOurMind: d.wouldChangeOurMind,
      at: d.at,
      by: d.by,
    })),
    actions: state.actions.map((a) => ({ text: a.text, owner: a.owner, status: a.status, result: a.result })),
    process: processFigures(state, events, policy, resolvedAt),
    agenda: AGENDA,
    followUpSlots: [{ rank: 1 }, { rank: 2 }, { rank: 3 }],
  };
}

function processFigures(
  state: OpenedIncident,
  events: readonly IncidentEvent[],
  policy: TimerPolicy,
  resolvedAt: Instant | null,
): ProcessFigures {
  const updates = events.filter((e) => e.type === 'StakeholderUpdatePosted').map((e) => e.at);
  const marks = [state.openedAt, ...updates, ...(resolvedAt ? [resolvedAt] : [])];
  let longest: number | null = null;
  for (let i = 1; i < marks.length; i++)
    longest = Math.max(longest ?? 0, Date.parse(marks[i] ?? '') - Date.parse(marks[i - 1] ?? ''));
  const hold = state.hold;
  const holdOutcome: RichText =
    hold.state === 'off'
      ? ['There was no diagnosis hold.']
      : hold.state === 'lifted'
        ? ['Lifted early by ', { user: hold.by }, `: ${hold.reason}`]
        : hold.state === 'ended'
          ? ['Ran its course.']
          : ['Still running.'];
  return {
    timeToCommanderMs: state.commanderFirstNamedAt
      ? Date.parse(state.commanderFirstNamedAt) - Date.parse(state.openedAt)
      : null,
    holdRespected: hold.state === 'off' ? null : hold.state !== 'active' || resolvedAt === null,
    holdOutcome: plainWords(holdOutcome),
    holdOutcomeParts: holdOutcome,
    updatesPosted: updates.length,
    longestUpdateGapMs: longest,
    updateCadenceMs: cadenceFor(state.severity, policy),
    escalatedAt: state.escalatedAt,
  };
}

/** `1 h 05 min`, `12 min`, `45 s`. */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} days ${hours % 24} h`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
