import { DateTime } from 'luxon';
import {
  addMilliseconds,
  cadenceFor,
  IMPACT_DEFINITIONS,
  impactTimes,
  isBefore,
  type OpenedIncident,
  SEVERITIES,
  type Severity,
  type TimerPolicy,
} from '../domain/index.js';

const DAY = 24 * 3_600_000;

/** One incident as the figures need it: its state and when its stakeholder updates went out. */
export interface IncidentRecord {
  readonly state: OpenedIncident;
  readonly updateTimes: readonly string[];
}

/** How incident response went over a window. Shares are 0–1, or null when nothing was measurable. */
export interface Figures {
  readonly days: number;
  readonly incidents: number;
  /** `YYYY-MM` → count by severity (unclassified as `pending`). */
  readonly bySeverityPerMonth: Readonly<Record<string, Readonly<Record<Severity | 'pending', number>>>>;
  readonly medianTimeToCommanderMs: number | null;
  /** The median of `timeToResolve`: from when customer impact started until resolved. */
  readonly medianTimeToResolveMs: number | null;
  /** The impact window, over resolved incidents (see `IMPACT_DEFINITIONS`). */
  readonly timeToDetect: Spread;
  readonly timeToMitigate: Spread;
  readonly timeToResolve: Spread;
  readonly escalations: number;
  readonly holdRespected: Share;
  readonly updateCadenceKept: Share;
  readonly postmortemsOnTime: Share;
  readonly followUpsOnTime: Share;
}

/** A duration over many incidents: its median and 90th percentile (nearest rank), and of how many. */
export interface Spread {
  readonly of: number;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
}

export interface Share {
  readonly of: number;
  readonly kept: number;
}

/**
 * The definitions, said beside each figure wherever it is shown, so nobody argues about what a
 * number means during a review.
 */
export const FIGURE_DEFINITIONS = {
  timeToCommander: 'from opening until someone first held the commander role',
  timeToDetect: IMPACT_DEFINITIONS.timeToDetect,
  timeToMitigate: IMPACT_DEFINITIONS.timeToMitigate,
  timeToResolve: IMPACT_DEFINITIONS.timeToResolve,
  escalations: 'incidents escalated to the senior engineer or the VP, by the escalation policy or by hand',
  holdRespected:
    'incidents with a diagnosis hold whose hold ran its course, ended with the resolution, or was lifted early by the commander with a reason (the bot refuses actions during a hold, so work never starts around it)',
  updateCadenceKept:
    'incidents at a severity with an update cadence where no gap between opening, each stakeholder update and resolution exceeded the cadence',
  postmortemsOnTime: 'required postmortems now due that were recorded by POSTMORTEM_DUE after resolution',
  followUpsOnTime: 'follow-ups due by today that were marked done on or before their due date',
} as const;

/** The order severities are listed in: the domain's, then unclassified. */
export const SEVERITY_ORDER = [...SEVERITIES, 'pending'] as const;

/** The figures for the incidents opened in the last `days` days (drills excluded by the caller or here). */
export function figuresFor(
  records: readonly IncidentRecord[],
  options: {
    readonly now: string;
    readonly days: number;
    readonly policy: TimerPolicy;
    readonly timezone: string;
  },
): Figures {
  const since = addMilliseconds(options.now, -options.days * DAY);
  const inWindow = records.filter(
    (r) => !r.state.drill && !isBefore(r.state.openedAt, since) && !isBefore(options.now, r.state.openedAt),
  );
  const bySeverityPerMonth: Record<string, Record<Severity | 'pending', number>> = {};
  for (const { state } of inWindow) {
    const month = DateTime.fromISO(state.openedAt, { zone: options.timezone }).toFormat('yyyy-MM');
    bySeverityPerMonth[month] ??= { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0, pending: 0 };
    bySeverityPerMonth[month][state.severity] += 1;
  }
  const resolved = inWindow.flatMap((r) =>
    r.state.status === 'resolved' || r.state.status === 'closed'
      ? [{ ...r, resolution: r.state.resolution }]
      : [],
  );
  const impacts = resolved.flatMap((r) => {
    const times = impactTimes(r.state);
    return times ? [times] : [];
  });
  const today =
    DateTime.fromISO(options.now, { zone: options.timezone }).toISODate() ?? options.now.slice(0, 10);
  return {
    days: options.days,
    incidents: inWindow.length,
    bySeverityPerMonth,
    medianTimeToCommanderMs: median(
      inWindow.flatMap(({ state }) =>
        state.commanderFirstNamedAt ? [between(state.openedAt, state.commanderFirstNamedAt)] : [],
      ),
    ),
    medianTimeToResolveMs: median(impacts.map((t) => t.timeToResolveMs)),
    timeToDetect: spread(impacts.map((t) => t.timeToDetectMs)),
    timeToMitigate: spread(impacts.map((t) => t.timeToMitigateMs)),
    timeToResolve: spread(impacts.map((t) => t.timeToResolveMs)),
    escalations: inWindow.filter((r) => r.state.escalatedAt !== null).length,
    holdRespected: share(
      inWindow.flatMap(({ state }) => {
        if (state.hold.state === 'off' || state.hold.state === 'active') return [];
        return [
          state.hold.state === 'ended' || (state.hold.state === 'lifted' && state.hold.reason.trim() !== ''),
        ];
      }),
    ),
    updateCadenceKept: share(
      resolved.flatMap((r) => {
        const cadence = cadenceFor(r.state.severity, options.policy);
        if (cadence <= 0) return [];
        const marks = [r.state.openedAt, ...[...r.updateTimes].sort(), r.resolution.at];
        return [marks.every((at, i) => i === 0 || between(marks[i - 1] ?? at, at) <= cadence)];
      }),
    ),
    postmortemsOnTime: share(
      resolved.flatMap((r) => {
        if (!r.resolution.postmortemRequired) return [];
        const due = Date.parse(r.resolution.at) + options.policy.postmortemDue;
        const recordedAt = r.state.status === 'closed' ? Date.parse(r.state.postmortem.at) : null;
        if (recordedAt === null && due > Date.parse(options.now)) return [];
        return [recordedAt !== null && recordedAt <= due];
      }),
    ),
    followUpsOnTime: share(
      inWindow.flatMap(({ state }) =>
        state.status !== 'closed'
          ? []
          : state.followUps
              .filter((f) => f.due <= today)
              .map((f) => f.status === 'done' && f.closedAt !== null && f.closedAt.slice(0, 10) <= f.due),
      ),
    ),
  };
}

const between = (from: string, to: string): number => Date.parse(to) - Date.parse(from);

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    of: sorted.length,
    medianMs: median(sorted),
    p90Ms: sorted.length === 0 ? null : (sorted[Math.ceil(0.9 * sorted.length) - 1] ?? null),
  };
}

function share(outcomes: readonly boolean[]): Share {
  return { of: outcomes.length, kept: outcomes.filter(Boolean).length };
}
