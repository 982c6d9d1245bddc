import { DETECTION_LABELS, type Detection } from '../detection.js';
import type { IncidentEvent } from '../events.js';
import { type ImpactTimes, impactStartedAt, impactTimes } from '../impact-window.js';
import type { OpenedIncident } from '../state.js';
import type { TimerPolicy } from '../timer-policy-types.js';
import type { Instant, SeverityOrPending, UserId } from '../types.js';
import { type Responder, respondersIn } from './postmortem-people.js';
import { type ProcessFigures, processFigures } from './postmortem-process.js';
import { AGENDA } from './postmortem-sections.js';
import { plainWords, type RichText } from './rich-text.js';
import { describeEvent, namesIn, timeOf } from './timeline.js';

export type { HoldFigures, ProcessFigures } from './postmortem-process.js';
export { AGENDA, AGENDA_ANSWERS, MEETING_SECTIONS, type MeetingSection } from './postmortem-sections.js';

export interface TimelineEntry {
  readonly at: Instant;
  readonly who: string;
  /** The entry in plain words (people as `@U…`), for reading; renderers use `parts`. */
  readonly what: string;
  /** The entry's words and the people it names, apart, so each renderer escapes the words. */
  readonly parts: RichText;
}

type HypothesisLine = { readonly text: string; readonly evidence: string | null };

/** What the draft needs that the incident's own events do not hold: found by the app before writing it. */
export interface DraftContext {
  /** The runbook recorded for the incident's service, if any. */
  readonly runbook?: { readonly service: string; readonly url: string } | null;
  /** A meeting time proposed inside the owner's working hours before the deadline (null: none fits). */
  readonly meetingAt?: Instant | null;
  /** When the postmortem is due. */
  readonly dueAt?: Instant | null;
}

/** The postmortem draft as data: the Slack layer summarises it, the Markdown renderer writes it out. */
export interface PostmortemDraft {
  readonly number: number;
  readonly title: string;
  readonly service: string | null;
  readonly severity: SeverityOrPending;
  readonly drill: boolean;
  /** A paragraph from the record: what broke, the impact window, the cause if confirmed, the fix. */
  readonly summary: string;
  readonly impact: string;
  readonly openedAt: Instant;
  readonly resolvedAt: Instant | null;
  /** When customer impact started: what the resolver said, else the opening. */
  readonly impactStartedAt: Instant;
  readonly impactEndedAt: Instant | null;
  readonly impactTimes: ImpactTimes | null;
  readonly detection: Detection | null;
  readonly durationMs: number | null;
  /** In time order; times not reached yet last. */
  readonly keyTimes: readonly { readonly label: string; readonly at: Instant | null }[];
  readonly timeline: readonly TimelineEntry[];
  readonly hypothesesConfirmed: readonly HypothesisLine[];
  readonly hypothesesRuledOut: readonly HypothesisLine[];
  /** Proposed or being tested when the incident was resolved. */
  readonly hypothesesOpen: readonly HypothesisLine[];
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
  readonly responders: readonly Responder[];
  /** The last stakeholder update posted: what customers were told. */
  readonly customerMessage: { readonly text: string; readonly at: Instant; readonly by: UserId } | null;
  readonly runbook: { readonly service: string; readonly url: string } | null;
  /** Who runs the meeting: the commander, else whoever resolved it. */
  readonly owner: UserId | null;
  readonly meetingAt: Instant | null;
  readonly dueAt: Instant | null;
  readonly process: ProcessFigures;
  readonly agenda: readonly string[];
  readonly followUpSlots: readonly { readonly rank: 1 | 2 | 3 }[];
}

/** The postmortem draft, written from the stored timeline. Linear in the number of events. */
export function postmortemDraft(
  state: OpenedIncident,
  events: readonly IncidentEvent[],
  policy: TimerPolicy,
  context: DraftContext = {},
): PostmortemDraft {
  const resolution = state.status === 'resolved' || state.status === 'closed' ? state.resolution : null;
  const resolvedAt = resolution?.at ?? null;
  const impactStart = impactStartedAt(state);
  const impactEnd = resolution ? (resolution.impactEndedAt ?? resolution.at) : null;
  const firstHoldEnd = events.find(
    (e) => e.type === 'HoldEnded' || e.type === 'HoldLifted' || e.type === 'IncidentResolved',
  );
  const names = namesIn(events);
  const timeline = events
    // Sending the record again is not part of the story the record tells.
    .filter((event) => event.type !== 'PostmortemExported')
    .map((event, index) => ({ event, index, at: timeOf(event) }))
    .sort((a, b) => (a.at === b.at ? a.index - b.index : a.at < b.at ? -1 : 1))
    .map(({ event, at }) => {
      const parts = describeEvent(event, names);
      return { at, who: event.by, what: plainWords(parts), parts };
    });
  const hypotheses = (...statuses: string[]) =>
    state.hypotheses
      .filter((h) => statuses.includes(h.status))
      .map((h) => ({ text: h.text, evidence: h.evidence }));
  const confirmed = hypotheses('confirmed');
  const updates = events.filter(
    (e): e is Extract<IncidentEvent, { type: 'StakeholderUpdatePosted' }> =>
      e.type === 'StakeholderUpdatePosted',
  );
  const lastUpdate = updates.at(-1);
  return {
    number: state.number,
    title: state.title,
    service: state.service,
    severity: state.severity,
    drill: state.drill,
    summary: summaryOf(
      state,
      impactStart,
      impactEnd,
      confirmed[0]?.text ?? null,
      resolution?.detection ?? null,
    ),
    impact: impactOf(state, impactStart, impactEnd),
    openedAt: state.openedAt,
    resolvedAt,
    impactStartedAt: impactStart,
    impactEndedAt: resolution?.impactEndedAt ?? null,
    impactTimes: impactTimes(state),
    detection: resolution?.detection ?? null,
    durationMs: resolvedAt ? Date.parse(resolvedAt) - Date.parse(state.openedAt) : null,
    keyTimes: inTimeOrder([
      // Said at resolution only when it was before the opening; otherwise "Opened" is the start.
      ...(impactStart !== state.openedAt ? [{ label: 'Customer impact started', at: impactStart }] : []),
      { label: 'Opened', at: state.openedAt },
      { label: 'Commander named', at: state.commanderFirstNamedAt },
      { label: 'Diagnosis hold ended', at: firstHoldEnd ? firstHoldEnd.at : null },
      { label: 'Escalated', at: state.escalatedAt },
      { label: 'Customer impact ended', at: resolution?.impactEndedAt ?? null },
      { label: 'Resolved', at: resolvedAt },
    ]),
    timeline,
    hypothesesConfirmed: confirmed,
    hypothesesRuledOut: hypotheses('ruled_out'),
    hypothesesOpen: hypotheses('proposed', 'testing'),
    decisions: state.decisions.map((d) => ({
      what: d.what,
      why: d.why,
      wouldChangeOurMind: d.wouldChangeOurMind,
      at: d.at,
      by: d.by,
    })),
    actions: state.actions.map((a) => ({ text: a.text, owner: a.owner, status: a.status, result: a.result })),
    responders: respondersIn(events),
    customerMessage: lastUpdate ? { text: lastUpdate.text, at: lastUpdate.at, by: lastUpdate.by } : null,
    runbook: context.runbook ?? null,
    owner: state.roles.commander ?? resolution?.by ?? null,
    meetingAt: context.meetingAt ?? null,
    dueAt: context.dueAt ?? null,
    process: processFigures(state, events, policy, resolvedAt, duration),
    agenda: AGENDA,
    followUpSlots: [{ rank: 1 }, { rank: 2 }, { rank: 3 }],
  };
}

/** Key times in time order (a time said at resolution may come before the opening); unreached ones last. */
function inTimeOrder(
  times: { label: string; at: Instant | null }[],
): { label: string; at: Instant | null }[] {
  const known = times.filter((t) => t.at !== null);
  known.sort((a, b) => ((a.at ?? '') < (b.at ?? '') ? -1 : (a.at ?? '') > (b.at ?? '') ? 1 : 0));
  return [...known, ...times.filter((t) => t.at === null)];
}

function summaryOf(
  state: OpenedIncident,
  start: Instant,
  end: Instant | null,
  cause: string | null,
  detection: Detection | null,
): string {
  const severity = state.severity === 'pending' ? 'unclassified' : state.severity;
  const what = `INC-${state.number}, ${severity}${state.service ? ` on ${state.service}` : ''}: ${state.title}.`;
  if (state.status !== 'resolved' && state.status !== 'closed') return `${what} Not resolved yet.`;
  const window = end
    ? ` Customers were affected for ${duration(Date.parse(end) - Date.parse(start))}, ${span(start, end)}.`
    : '';
  const late = Date.parse(state.openedAt) - Date.parse(start);
  const found = detection
    ? ` It was detected by ${DETECTION_LABELS[detection.source]}${late > 0 ? ` and opened ${duration(late)} after the impact began` : ''}.`
    : '';
  const because = cause ? ` Confirmed cause: ${cause}.` : ' No cause was confirmed during the incident.';
  return `${what}${window}${found}${because} Fixed by: ${state.resolution.summary}`;
}

/** `from 13:57 to 14:29 UTC on 2026-11-20`, or both dates in full when they differ. */
function span(from: Instant, to: Instant): string {
  return from.slice(0, 10) === to.slice(0, 10)
    ? `from ${from.slice(11, 16)} to ${to.slice(11, 16)} UTC on ${from.slice(0, 10)}`
    : `from ${clock(from)} to ${clock(to)}`;
}

function impactOf(state: OpenedIncident, start: Instant, end: Instant | null): string {
  if (!state.service) return `Severity ${state.severity}; the affected services were not recorded.`;
  const severity = state.severity === 'pending' ? 'an unclassified' : state.severity;
  const span = end ? ` for ${duration(Date.parse(end) - Date.parse(start))}` : '';
  return `${capitalise(state.service)} was affected at ${severity} severity${span}.`;
}

/** `2026-11-20 13:57 UTC`: the file is read anywhere, so its times say their zone. */
export const clock = (at: Instant): string => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;

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
