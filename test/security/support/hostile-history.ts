import fc from 'fast-check';
import {
  addMilliseconds,
  type ClosedIncident,
  type IncidentEvent,
  OPEN_STATUSES,
  type OpenedIncident,
  type ResolvedIncident,
  replay,
  SEVERITIES,
} from '../../../src/domain/index.js';
import { channel, person, userText } from './hostile-text.js';

const T0 = '2026-11-22T14:00:00.000Z';
const at = (minutes: number): string => addMilliseconds(T0, minutes * 60_000);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const hypothesisId = fc.constantFrom('h1', 'h2', 'h3');
const actionId = fc.constantFrom('a1', 'a2', 'a3');
type Later = (minute: number) => IncidentEvent;

/**
 * One piece of work on the timeline, its words hostile. Events are built directly rather than
 * decided, so states the domain would refuse today (100 kB titles, forged ids, from an older
 * version or a bug) are rendered too; `evolve` is total, so any order folds.
 */
const work: fc.Arbitrary<Later> = fc.oneof(
  fc
    .record({
      by: person,
      role: fc.constantFrom('commander', 'communicator', 'scribe' as const),
      userId: person,
      previous: maybe(person),
    })
    .map(
      (e): Later =>
        (m) => ({ type: 'RoleAssigned', at: at(m), via: 'took', ...e }),
    ),
  fc.record({ by: person, hypothesisId, text: userText }).map(
    (e): Later =>
      (m) => ({ type: 'HypothesisProposed', at: at(m), ...e }),
  ),
  fc
    .record({
      by: person,
      hypothesisId,
      status: fc.constantFrom('testing', 'ruled_out', 'confirmed' as const),
      evidence: maybe(userText),
    })
    .map(
      (e): Later =>
        (m) => ({ type: 'HypothesisUpdated', at: at(m), ...e }),
    ),
  fc.record({ by: person, hypothesisId, reason: userText }).map(
    (e): Later =>
      (m) => ({ type: 'HypothesisWithdrawn', at: at(m), ...e }),
  ),
  fc.record({ by: person, actionId, text: userText, owner: person, proposed: fc.boolean() }).map(
    ({ proposed, ...e }): Later =>
      (m) =>
        proposed
          ? { type: 'ActionProposed', at: at(m), hypothesisId: null, holdEndsAt: at(10), ...e }
          : { type: 'ActionStarted', at: at(m), hypothesisId: null, wasProposed: false, ...e },
  ),
  fc.record({ by: person, actionId, outcome: maybe(userText) }).map(
    (e): Later =>
      (m) => ({ type: 'ActionCompleted', at: at(m), ...e }),
  ),
  fc.record({ by: person, actionId, reason: userText }).map(
    (e): Later =>
      (m) => ({ type: 'ActionAbandoned', at: at(m), ...e }),
  ),
  fc.record({ by: person, actionId, from: person, to: person }).map(
    (e): Later =>
      (m) => ({ type: 'ActionReassigned', at: at(m), ...e }),
  ),
  fc.record({ by: person, what: userText, why: userText, wouldChangeOurMind: userText }).map(
    (e): Later =>
      (m) => ({ type: 'DecisionRecorded', at: at(m), decisionId: `d${m}`, ...e }),
  ),
  fc.record({ by: person, text: userText }).map(
    (e): Later =>
      (m) => ({ type: 'NoteAdded', at: at(m), ...e }),
  ),
  fc
    .record({ by: person, author: person, text: userText, channel: fc.constantFrom('C0INC', 'C0X><!here') })
    .map(
      (e): Later =>
        (m) => ({ type: 'MessageCaptured', at: at(m), ts: `${m}.1`, postedAt: at(m - 0.5), ...e }),
    ),
  fc.record({ by: person, to: fc.constantFrom(...OPEN_STATUSES), note: maybe(userText) }).map(
    (e): Later =>
      (m) => ({ type: 'StatusChanged', at: at(m), from: 'investigating', ...e }),
  ),
  fc.record({ by: person, to: fc.constantFrom(...SEVERITIES), reason: userText }).map(
    (e): Later =>
      (m) => ({ type: 'SeverityChanged', at: at(m), from: 'pending', triage: null, asCommander: true, ...e }),
  ),
  fc.record({ by: person, reason: userText }).map(
    (e): Later =>
      (m) => ({ type: 'HoldLifted', at: at(m), endsAt: at(10), asCommander: true, ...e }),
  ),
  fc.constant((m: number): IncidentEvent => ({ type: 'HoldEnded', at: at(m), by: 'system' })),
  fc.constant(
    (m: number): IncidentEvent => ({
      type: 'IncidentEscalated',
      at: at(m),
      by: 'system',
      openForMs: m * 60_000,
    }),
  ),
  fc.record({ by: person, text: userText, expectedResolution: maybe(userText) }).map(
    (e): Later =>
      (m) => ({ type: 'StakeholderUpdatePosted', at: at(m), nextUpdateBy: null, ...e }),
  ),
);

const opened = fc.record({
  by: person,
  number: fc.integer({ min: 1, max: 9_999_999 }),
  title: userText,
  service: maybe(userText),
  severity: fc.constantFrom('pending', ...SEVERITIES),
  private: fc.boolean(),
  drill: fc.boolean(),
  reporter: person,
  holdEndsAt: fc.constantFrom(null, at(10)),
});

const resolution = fc.record({
  by: person,
  summary: userText,
  impactEnded: fc.boolean(),
  postmortemRequired: fc.boolean(),
});

const followUp = (rank: 1 | 2 | 3) =>
  fc.record({
    id: fc.constant(`f${rank}`),
    title: userText,
    owner: person,
    // The domain accepts only real dates here (and the timer policy relies on it).
    due: fc.constantFrom('2026-12-01', '2026-11-30', '2027-01-15'),
    rank: fc.constant(rank),
    control: fc.boolean(),
  });

const postmortem = fc.record({
  by: person,
  answers: fc.record({
    whatHappened: userText,
    whyNotDetectedSooner: userText,
    whyResponseTookSoLong: userText,
    whatWeChange: userText,
  }),
  followUps: fc.tuple(followUp(1), followUp(2), followUp(3)),
  dropped: fc.option(
    fc.record({ by: person, followUpId: fc.constantFrom('f1', 'f2', 'f3'), reason: userText }),
    { nil: null },
  ),
  done: fc.option(fc.constantFrom('f1', 'f2', 'f3'), { nil: null }),
});

export interface HostileIncident {
  readonly events: readonly IncidentEvent[];
  readonly state: OpenedIncident;
  readonly channelId: string | null;
}

function history(
  open: fc.Arbitrary<IncidentEvent[]>,
  stage: 'active' | 'resolved' | 'closed',
): fc.Arbitrary<IncidentEvent[]> {
  if (stage === 'active') return open;
  const resolvedAt = 100;
  const resolved = fc.tuple(open, resolution).map(([events, r]) => [
    ...events,
    {
      type: 'IncidentResolved' as const,
      at: at(resolvedAt),
      by: r.by,
      summary: r.summary,
      impactEndedAt: r.impactEnded ? at(resolvedAt - 5) : null,
      postmortemRequired: r.postmortemRequired,
      asCommander: true,
    },
  ]);
  if (stage === 'resolved') return resolved;
  return fc.tuple(resolved, postmortem).map(([events, p]) => [
    ...events,
    {
      type: 'PostmortemRecorded',
      at: at(200),
      by: p.by,
      answers: p.answers,
      followUps: p.followUps,
      asCommander: true,
    },
    ...(p.dropped ? [{ type: 'FollowUpDropped' as const, at: at(201), ...p.dropped }] : []),
    ...(p.done ? [{ type: 'FollowUpCompleted' as const, at: at(202), by: p.by, followUpId: p.done }] : []),
  ]);
}

/** An incident at a stage, every word in it hostile, and the channel it lives in (maybe forged). */
export function hostileIncident(stage: 'active' | 'resolved' | 'closed'): fc.Arbitrary<HostileIncident> {
  const open = fc
    .tuple(opened, fc.array(work, { maxLength: 12 }))
    .map(([o, later]): IncidentEvent[] => [
      { type: 'IncidentOpened', at: at(0), triage: null, ...o },
      ...later.map((event, i) => event(1 + i)),
    ]);
  return fc.tuple(history(open, stage), channel).map(([events, channelId]) => ({
    events,
    state: replay(events) as OpenedIncident,
    channelId,
  }));
}

export const anyStage = fc.constantFrom('active', 'resolved', 'closed' as const).chain(hostileIncident);
export const resolvedIncident = hostileIncident('resolved') as fc.Arbitrary<
  HostileIncident & { state: ResolvedIncident }
>;
export const closedIncident = hostileIncident('closed') as fc.Arbitrary<
  HostileIncident & { state: ClosedIncident }
>;
export { at as minutesAfterStart };
