import fc from 'fast-check';
import {
  addMilliseconds,
  decide,
  type IncidentCommand,
  type IncidentEvent,
  type IncidentState,
  isBefore,
  type OpenIncident,
  replay,
  timersFor,
} from '../../../src/domain/index.js';
import { POLICY, T0 } from '../domain/spec.js';

/**
 * Random command sequences for the stored-JSON round trip. Built like the generator in
 * test/unit/domain/properties.test.ts (a command as a function of when it is sent, run through
 * `decide`, refusals kept as no-ops), but over every command, with Slack-shaped ids so assignments
 * are not all refused, and with timers fired from the state's own timer list, so runs reach
 * escalations, resolutions, postmortems and follow-ups. Text includes arbitrary Unicode strings:
 * quotes, backslashes, control characters and astral characters must survive the round trip too.
 */

/** A step: the command to send, given the time and the state it is sent against. */
type Step = (now: string, state: IncidentState) => IncidentCommand;

const DAY = 24 * 3_600_000;
const people = fc.constantFrom('U0ANA', 'U0BEN', 'U0CAT');
const ids = fc.constantFrom('x1', 'x2', 'x3');
const followUpIds = fc.constantFrom('f1', 'f2', 'f3');
const text = fc.oneof(
  fc.constantFrom('', '  ', 'A reason', 'Roll back the deploy', 'Quote " backslash \\ newline \n tab \t'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const optionalText = fc.option(text, { nil: null });
const severity = fc.constantFrom('SEV1' as const, 'SEV2' as const, 'SEV3' as const, 'SEV4' as const);
const status = fc.constantFrom('investigating' as const, 'identified' as const, 'monitoring' as const);
const role = fc.constantFrom('commander' as const, 'communicator' as const, 'scribe' as const);
/** Plain objects, as Slack's parsed payloads are: the answers go into the events as they are. */
const triage = fc.record(
  {
    customerImpact: fc.constantFrom('none' as const, 'some' as const, 'most' as const),
    criticalPathDown: fc.boolean(),
    dataAtRisk: fc.boolean(),
    workaroundExists: fc.boolean(),
  },
  { noNullPrototype: true },
);

/** A step from generated fields: the command is made once the time and state are known. */
function step<T>(
  fields: fc.Arbitrary<T>,
  make: (c: T, now: string, state: IncidentState) => IncidentCommand,
): fc.Arbitrary<Step> {
  return fields.map((c) => (now: string, state: IncidentState) => make(c, now, state));
}

/** Sends the `pick`-th timer the state calls for at its due time (or now, if that is later). */
const fireTimer = step(fc.nat(), (pick, now, state): IncidentCommand => {
  const timers = state.status === 'none' ? [] : timersFor(state, POLICY);
  const timer = timers[pick % Math.max(timers.length, 1)];
  const dueAt = timer?.dueAt ?? now;
  return {
    type: 'FireTimer',
    actor: 'system',
    now: isBefore(now, dueAt) ? dueAt : now,
    kind: timer?.kind ?? 'escalation-senior',
    key: timer?.key ?? 'escalation-senior',
    dueAt,
    policy: POLICY,
  };
});

const resolve = step(
  fc.record({
    actor: people,
    summary: text,
    postmortemWanted: fc.boolean(),
    impactEnded: fc.boolean(),
    // The final update posted with the resolution, or none.
    finalUpdate: fc.option(text, { nil: null }),
  }),
  ({ impactEnded, ...c }, now): IncidentCommand => ({
    type: 'Resolve',
    now,
    impactEndedAt: impactEnded ? now : null,
    ...c,
  }),
);

const recordPostmortem = step(
  fc.record({
    actor: people,
    owners: fc.array(people, { minLength: 3, maxLength: 3 }),
    control: fc.boolean(),
    answer: text,
  }),
  (c, now): IncidentCommand => ({
    type: 'RecordPostmortem',
    actor: c.actor,
    now,
    answers: {
      whatHappened: c.answer,
      whyNotDetectedSooner: 'No alert',
      whyResponseTookSoLong: 'Paging',
      whatWeChange: 'Alert',
    },
    followUps: ([1, 2, 3] as const).map((rank) => ({
      id: `f${rank}`,
      title: `Follow-up ${rank}`,
      owner: c.owners[rank - 1] ?? 'U0ANA',
      due: addMilliseconds(now, rank * 3 * DAY).slice(0, 10),
      rank,
      control: rank === 1 && c.control,
    })),
    requireControl: false,
  }),
);

/** Any command, valid or not, once the incident is open. */
const anyCommand: fc.Arbitrary<Step> = fc.oneof(
  step(fc.record({ actor: people, role }), (c, now) => ({ type: 'TakeRole', now, ...c })),
  step(fc.record({ actor: people, role, assignee: people }), (c, now) => ({ type: 'AssignRole', now, ...c })),
  step(fc.record({ actor: people, role, to: people }), (c, now) => ({ type: 'HandOffRole', now, ...c })),
  step(fc.record({ actor: people, role }), (c, now) => ({ type: 'ReleaseRole', now, ...c })),
  step(fc.record({ actor: people, triage }), (c, now) => ({ type: 'ClassifySeverity', now, ...c })),
  step(fc.record({ actor: people, severity, reason: text }), (c, now) => ({
    type: 'ChangeSeverity',
    now,
    ...c,
  })),
  step(fc.record({ actor: people, reason: text }), (c, now) => ({ type: 'LiftHold', now, ...c })),
  step(fc.record({ actor: people, hypothesisId: ids, text }), (c, now) => ({
    type: 'ProposeHypothesis',
    now,
    ...c,
  })),
  step(
    fc.record({
      actor: people,
      hypothesisId: ids,
      status: fc.constantFrom('testing' as const, 'ruled_out' as const, 'confirmed' as const),
      evidence: optionalText,
    }),
    (c, now) => ({ type: 'UpdateHypothesis', now, ...c }),
  ),
  step(fc.record({ actor: people, hypothesisId: ids, reason: text }), (c, now) => ({
    type: 'WithdrawHypothesis',
    now,
    ...c,
  })),
  step(
    fc.record({
      actor: people,
      actionId: ids,
      text,
      owner: people,
      hypothesisId: fc.option(ids, { nil: null }),
    }),
    (c, now) => ({ type: 'StartAction', now, ...c }),
  ),
  step(fc.record({ actor: people, actionId: ids }), (c, now) => ({ type: 'StartProposedAction', now, ...c })),
  step(fc.record({ actor: people, actionId: ids, outcome: optionalText }), (c, now) => ({
    type: 'CompleteAction',
    now,
    ...c,
  })),
  step(fc.record({ actor: people, actionId: ids, reason: text }), (c, now) => ({
    type: 'AbandonAction',
    now,
    ...c,
  })),
  step(fc.record({ actor: people, actionId: ids, owner: people }), (c, now) => ({
    type: 'ReassignAction',
    now,
    ...c,
  })),
  step(
    fc.record({ actor: people, decisionId: ids, what: text, why: text, wouldChangeOurMind: text }),
    (c, now) => ({ type: 'RecordDecision', now, ...c }),
  ),
  step(fc.record({ actor: people, text }), (c, now) => ({ type: 'AddNote', now, ...c })),
  step(
    fc.record({
      actor: people,
      author: people,
      ts: fc.constantFrom('1763820960.000100', '1763820961.000200'),
      text,
    }),
    (c, now) => ({ type: 'CaptureMessage', now, channel: 'C0INC', postedAt: now, ...c }),
  ),
  step(fc.record({ actor: people, status, note: optionalText }), (c, now) => ({
    type: 'ChangeStatus',
    now,
    ...c,
  })),
  step(
    fc.record({
      actor: people,
      text,
      promise: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
      expectedResolution: optionalText,
      alsoPostTo: fc.option(fc.constant('C0STAKE'), { nil: undefined }),
    }),
    ({ promise, ...c }, now) => ({
      type: 'PostStakeholderUpdate',
      now,
      nextUpdateBy: promise === null ? null : addMilliseconds(now, promise * 60_000),
      ...c,
    }),
  ),
  step(
    fc.record({ actor: people, minutes: fc.constantFrom(15 as const, 30 as const, 60 as const) }),
    (c, now) => ({
      type: 'SnoozeUpdateNudge',
      now,
      ...c,
    }),
  ),
  resolve,
  step(fc.record({ actor: people, reason: text }), (c, now) => ({ type: 'Reopen', now, ...c })),
  recordPostmortem,
  step(fc.record({ actor: people, followUpId: followUpIds }), (c, now) => ({
    type: 'CompleteFollowUp',
    now,
    ...c,
  })),
  step(fc.record({ actor: people, followUpId: followUpIds, reason: text }), (c, now) => ({
    type: 'DropFollowUp',
    now,
    ...c,
  })),
  fireTimer,
  step(fc.record({ actor: people, reason: fc.option(text, { nil: null }) }), (c, now) => ({
    type: 'Escalate',
    now,
    policy: POLICY,
    ...c,
  })),
);

/**
 * Any command, with the ones that take an incident to its later stages weighted up: drawn
 * uniformly from every command, a run seldom resolves and almost never records a postmortem.
 */
const command: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: anyCommand, weight: 10 },
  { arbitrary: resolve, weight: 1 },
  { arbitrary: recordPostmortem, weight: 1 },
  { arbitrary: fireTimer, weight: 2 },
);

const open = fc
  .record({
    actor: people,
    number: fc.integer({ min: 1, max: 100_000 }),
    title: fc.oneof(
      fc.constant('Checkout is down'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    ),
    service: fc.option(fc.constantFrom('checkout', 'search'), { nil: null }),
    severity: fc.option(severity, { nil: null }),
    triage: fc.option(triage, { nil: undefined }),
    private: fc.boolean(),
    drill: fc.boolean(),
    diagnosisHold: fc.constantFrom(0, 10 * 60_000),
  })
  .map((c): OpenIncident => ({ type: 'OpenIncident', now: T0, ...c }));

/** An opening (retried with a plain title if refused), then up to 60 commands, 0–10 minutes apart. */
export const scripts = fc.record({
  open,
  steps: fc.array(fc.record({ step: command, gap: fc.integer({ min: 0, max: 10 }) }), {
    maxLength: 60,
    size: 'large',
  }),
});

export type Script = typeof scripts extends fc.Arbitrary<infer V> ? V : never;

/** Runs a script through `decide`, from nothing: every event and the state after each command. */
export function run(script: Script): { events: IncidentEvent[]; states: IncidentState[] } {
  let state = replay([]);
  const events: IncidentEvent[] = [];
  const states: IncidentState[] = [state];
  let now = T0;
  const apply = (command: IncidentCommand) => {
    if (command.now > now) now = command.now;
    const verdict = decide(command, state);
    if (!verdict.ok) return;
    events.push(...verdict.events);
    state = replay(verdict.events, state);
    states.push(state);
  };
  apply(script.open);
  if (state.status === 'none') apply({ ...script.open, title: 'Checkout is down' });
  for (const { step, gap } of script.steps) apply(step(addMilliseconds(now, gap * 60_000), state));
  return { events, states };
}
