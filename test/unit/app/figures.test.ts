import { describe, expect, it } from 'vitest';
import { renderFigures } from '../../../src/adapters/slack/views/figures.js';
import { figuresFor, type IncidentRecord } from '../../../src/app/figures.js';
import {
  addMilliseconds,
  type IncidentEvent,
  type OpenedIncident,
  replay,
} from '../../../src/domain/index.js';
import { at, incidentHistory, T0 } from '../../fixtures/incident-history.js';
import { POLICY } from '../domain/spec.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** The fixture incident, moved `days` later, with its history edited. */
function record(days: number, edit: (events: IncidentEvent[]) => IncidentEvent[] = (e) => e): IncidentRecord {
  const shift = (iso: string) => addMilliseconds(iso, days * DAY);
  const events = edit([...incidentHistory]).map((e) => ({
    ...e,
    at: shift(e.at),
    ...(e.type === 'IncidentOpened' && e.holdEndsAt ? { holdEndsAt: shift(e.holdEndsAt) } : {}),
    ...(e.type === 'IncidentResolved' && e.impactEndedAt ? { impactEndedAt: shift(e.impactEndedAt) } : {}),
    ...(e.type === 'IncidentResolved' && e.impactStartedAt
      ? { impactStartedAt: shift(e.impactStartedAt) }
      : {}),
    ...(e.type === 'MessageCaptured' ? { postedAt: shift(e.postedAt) } : {}),
  })) as IncidentEvent[];
  const state = replay(events) as OpenedIncident;
  return { state, updateTimes: events.filter((e) => e.type === 'StakeholderUpdatePosted').map((e) => e.at) };
}

const postmortem = (
  daysAfter: number,
  followUps: { due: string; doneAt: string | null }[],
): IncidentEvent[] => [
  {
    type: 'PostmortemRecorded',
    at: addMilliseconds(at(40), daysAfter * DAY),
    by: 'U0DANA',
    asCommander: true,
    answers: { whatHappened: 'a', whyNotDetectedSooner: 'b', whyResponseTookSoLong: 'c', whatWeChange: 'd' },
    followUps: followUps.map((f, i) => ({
      id: `f${i}`,
      title: `Follow-up ${i}`,
      owner: 'U0ALEX',
      due: f.due,
      rank: (i + 1) as 1 | 2 | 3,
      control: false,
    })),
  },
  ...followUps.flatMap((f, i): IncidentEvent[] =>
    f.doneAt ? [{ type: 'FollowUpCompleted', at: f.doneAt, by: 'U0ALEX', followUpId: `f${i}` }] : [],
  ),
];

describe('incident figures', () => {
  const now = addMilliseconds(T0, 20 * DAY);
  const options = { now, policy: POLICY, timezone: 'UTC' };

  it('counts medians, escalations, the hold, the cadence, postmortems and follow-ups by their definitions', () => {
    const onTime = record(0, (e) => [
      ...e,
      ...postmortem(1, [
        { due: '2026-11-25', doneAt: '2026-11-24T10:00:00.000Z' },
        { due: '2026-11-26', doneAt: '2026-11-28T10:00:00.000Z' },
        { due: '2026-12-30', doneAt: null },
      ]),
    ]);
    // Commander after 10 minutes, an update gap over the hour, the postmortem recorded late.
    const slower = record(1, (e) => [
      ...e
        .map((x) => (x.type === 'RoleAssigned' && x.role === 'commander' ? { ...x, at: at(10) } : x))
        .filter((x) => x.type !== 'StakeholderUpdatePosted')
        .map((x) => (x.type === 'IncidentResolved' ? { ...x, at: at(90) } : x)),
      ...postmortem(5, [
        { due: '2026-12-01', doneAt: null },
        { due: '2026-12-02', doneAt: null },
        { due: '2026-12-03', doneAt: null },
      ]),
    ]);
    const drill = record(2, (e) => e.map((x) => (x.type === 'IncidentOpened' ? { ...x, drill: true } : x)));
    const old = record(-100);
    const figures = figuresFor([onTime, slower, drill, old], { ...options, days: 30 });

    expect(figures.incidents).toBe(2);
    expect(figures.bySeverityPerMonth).toEqual({
      '2026-11': { SEV1: 0, SEV2: 2, SEV3: 0, SEV4: 0, pending: 0 },
    });
    expect(figures.medianTimeToCommanderMs).toBe(6 * MIN);
    // From when impact started, 3 minutes before each opened: 43 and 93 minutes.
    expect(figures.medianTimeToResolveMs).toBe(68 * MIN);
    expect(figures.escalations).toBe(2);
    expect(figures.holdRespected).toEqual({ of: 2, kept: 2 });
    expect(figures.updateCadenceKept).toEqual({ of: 2, kept: 1 });
    expect(figures.postmortemsOnTime).toEqual({ of: 2, kept: 1 });
    // Due by 10 December: two of the first incident's, three of the second's; one was done on time.
    expect(figures.followUpsOnTime).toEqual({ of: 5, kept: 1 });
  });

  it('measures time to detect, mitigate and resolve from when customer impact started: median and p90', () => {
    // Impact began 3, 10, 0 (not said: the opening) and 30 minutes before the opening.
    const started = [-3, -10, null, -30];
    const records = started.map((minutes, i) =>
      record(i, (e) =>
        e.map((x) => {
          if (x.type !== 'IncidentResolved') return x;
          const { impactStartedAt: _said, ...rest } = x;
          return minutes === null ? rest : { ...rest, impactStartedAt: at(minutes) };
        }),
      ),
    );
    const figures = figuresFor(records, { ...options, days: 30 });
    // Opened at 0, customer impact ended at 29, resolved at 40 (each shifted by its day).
    expect(figures.timeToDetect).toEqual({ of: 4, medianMs: 6.5 * MIN, p90Ms: 30 * MIN });
    expect(figures.timeToMitigate).toEqual({ of: 4, medianMs: 35.5 * MIN, p90Ms: 59 * MIN });
    expect(figures.timeToResolve).toEqual({ of: 4, medianMs: 46.5 * MIN, p90Ms: 70 * MIN });
    const text = renderFigures([figures]);
    expect(text).toContain('• Time to detect: median 7 min, p90 30 min (4 resolved)');
    expect(text).toContain('• Time to mitigate: median 36 min, p90 59 min (4 resolved)');
    expect(text).toContain('• Time to resolve: median 47 min, p90 1 h 10 min (4 resolved)');
    expect(text).toContain(
      '_Time to detect_: from when customer impact started until the incident was opened.',
    );
    expect(text).toContain('_Time to mitigate_: from when customer impact started until it ended.');
    expect(text).toContain(
      '_Time to resolve_: from when customer impact started until the incident was resolved.',
    );
  });

  it('says when there is nothing to measure, and shows each definition beside the figures', () => {
    const text = renderFigures([
      figuresFor([], { ...options, days: 30 }),
      figuresFor([], { ...options, days: 90 }),
    ]);
    expect(text).toContain('*Last 30 days*: 0 incidents');
    expect(text).toContain('Hold respected: nothing to measure yet');
    expect(text).toContain('Time to detect: nothing to measure yet');
    expect(text).toContain('_Hold respected_: incidents with a diagnosis hold whose hold ran its course');
  });
});
