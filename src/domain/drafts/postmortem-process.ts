import type { IncidentEvent } from '../events.js';
import type { OpenedIncident } from '../state.js';
import { cadenceFor } from '../timer-policy.js';
import type { TimerPolicy } from '../timer-policy-types.js';
import type { Instant, UserId } from '../types.js';
import { plainWords, type RichText } from './rich-text.js';

/**
 * What the diagnosis hold did, in numbers that could have come out otherwise: the bot refuses
 * actions during a hold, so "respected" would be true by construction and say nothing.
 */
export interface HoldFigures {
  /** Off when DIAGNOSIS_HOLD was off; running while the incident is open and the hold is. */
  readonly state: 'off' | 'running' | 'ran' | 'lifted';
  /** How long the hold was planned to last. */
  readonly plannedMs: number | null;
  readonly proposedDuringHold: number;
  /** Proposed actions started before the hold's planned end: only when it was lifted early. */
  readonly startedBeforePlannedEnd: number;
  /** Proposed actions started at or after its planned end. */
  readonly startedAfter: number;
  readonly lifted: {
    readonly at: Instant;
    readonly by: UserId;
    readonly reason: string;
    /** How long before its planned end it was lifted. */
    readonly earlyByMs: number;
  } | null;
}

/** How the process went. */
export interface ProcessFigures {
  readonly timeToCommanderMs: number | null;
  readonly hold: HoldFigures;
  /** The hold in a sentence (people as `@U…`), for reading; renderers use `holdOutcomeParts`. */
  readonly holdOutcome: string;
  readonly holdOutcomeParts: RichText;
  readonly updatesPosted: number;
  /** The longest stretch without a stakeholder update, from opening to resolution. */
  readonly longestUpdateGapMs: number | null;
  readonly updateCadenceMs: number;
  readonly escalatedAt: Instant | null;
}

export function processFigures(
  state: OpenedIncident,
  events: readonly IncidentEvent[],
  policy: TimerPolicy,
  resolvedAt: Instant | null,
  duration: (ms: number) => string,
): ProcessFigures {
  const updates = events.filter((e) => e.type === 'StakeholderUpdatePosted').map((e) => e.at);
  const marks = [state.openedAt, ...updates, ...(resolvedAt ? [resolvedAt] : [])];
  let longest: number | null = null;
  for (let i = 1; i < marks.length; i++)
    longest = Math.max(longest ?? 0, Date.parse(marks[i] ?? '') - Date.parse(marks[i - 1] ?? ''));
  const hold = holdFigures(state, events);
  return {
    timeToCommanderMs: state.commanderFirstNamedAt
      ? Date.parse(state.commanderFirstNamedAt) - Date.parse(state.openedAt)
      : null,
    hold,
    holdOutcome: plainWords(holdSentence(hold, duration)),
    holdOutcomeParts: holdSentence(hold, duration),
    updatesPosted: updates.length,
    longestUpdateGapMs: longest,
    updateCadenceMs: cadenceFor(state.severity, policy),
    escalatedAt: state.escalatedAt,
  };
}

function holdFigures(state: OpenedIncident, events: readonly IncidentEvent[]): HoldFigures {
  const hold = state.hold;
  const plannedEnd = hold.state === 'off' ? null : hold.endsAt;
  const proposed = new Set(events.flatMap((e) => (e.type === 'ActionProposed' ? [e.actionId] : [])));
  const started = events.filter(
    (e): e is Extract<IncidentEvent, { type: 'ActionStarted' }> =>
      e.type === 'ActionStarted' && proposed.has(e.actionId),
  );
  const early = plannedEnd === null ? [] : started.filter((e) => e.at < plannedEnd);
  return {
    state:
      hold.state === 'off'
        ? 'off'
        : hold.state === 'active'
          ? 'running'
          : hold.state === 'ended'
            ? 'ran'
            : 'lifted',
    plannedMs: plannedEnd === null ? null : Date.parse(plannedEnd) - Date.parse(state.openedAt),
    proposedDuringHold: proposed.size,
    startedBeforePlannedEnd: early.length,
    startedAfter: started.length - early.length,
    lifted:
      hold.state === 'lifted'
        ? {
            at: hold.liftedAt,
            by: hold.by,
            reason: hold.reason,
            earlyByMs: Math.max(0, Date.parse(hold.endsAt) - Date.parse(hold.liftedAt)),
          }
        : null,
  };
}

/** "Ran its course (10 min). 1 action was proposed during it; none was started." and the like. */
function holdSentence(hold: HoldFigures, duration: (ms: number) => string): RichText {
  if (hold.state === 'off') return ['There was no diagnosis hold.'];
  const planned = hold.plannedMs === null ? '' : ` (${duration(hold.plannedMs)} planned)`;
  const how: RichText =
    hold.lifted !== null
      ? [
          `Lifted early${planned} by `,
          { user: hold.lifted.by },
          ` at ${utc(hold.lifted.at)}, ${duration(hold.lifted.earlyByMs)} before its planned end: ${hold.lifted.reason}.`,
        ]
      : hold.state === 'running'
        ? [`Still running${planned}.`]
        : [`Ran its course${planned}.`];
  const n = hold.proposedDuringHold;
  if (n === 0) return [...how, ' No action was proposed during it.'];
  const started = hold.startedBeforePlannedEnd + hold.startedAfter;
  const proposed = ` ${n} action${n === 1 ? ' was' : 's were'} proposed during it`;
  const outcome =
    started === 0
      ? `; none ${n === 1 ? 'was' : 'of them was'} started.`
      : `; ${started} started, ${hold.startedBeforePlannedEnd} of them before its planned end.`;
  return [...how, proposed, outcome];
}

const utc = (at: Instant): string => `${at.slice(11, 16)} UTC`;
