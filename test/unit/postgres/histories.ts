import {
  decide,
  type IncidentCommand,
  type IncidentEvent,
  type IncidentState,
  replay,
  type TimerKind,
  timersFor,
} from '../../../src/domain/index.js';
import { incidentHistory, longIncidentHistory } from '../../fixtures/incident-history.js';
import {
  ALEX,
  at,
  commanderIs,
  DANA,
  holdEnded,
  opened,
  POLICY,
  REPORTER,
  resolved,
} from '../domain/spec.js';

/**
 * Incidents as the domain writes them, for reading back through the stored-JSON schemas: the
 * fixture history, histories written with the domain spec's helpers, and whole lifecycles produced
 * by `decide` from commands (so the events are the ones the domain emits, not ones typed by hand).
 */

const SAM = 'U0SAM';

/** A command, or one that needs the state first (a timer firing reads which timers are due). */
type Step = IncidentCommand | ((state: IncidentState) => IncidentCommand);

/**
 * Runs the steps through `decide`, and throws when one is refused or changes nothing: a scripted
 * history that silently skipped a step would test less than it claims to.
 */
export function drive(steps: readonly Step[]): IncidentEvent[] {
  const events: IncidentEvent[] = [];
  let state = replay([]);
  for (const step of steps) {
    const command = typeof step === 'function' ? step(state) : step;
    const verdict = decide(command, state);
    if (!verdict.ok) throw new Error(`${command.type} refused: ${verdict.rejection.message}`);
    if (verdict.events.length === 0) throw new Error(`${command.type} changed nothing`);
    events.push(...verdict.events);
    state = replay(verdict.events, state);
  }
  return events;
}

/** The domain spec's policy, with the nudge to take command on (it is off there). */
const HISTORY_POLICY = { ...POLICY, commanderNudgeAfter: 5 * 60_000 };

/** Fires the first due timer of this kind at its due time, as the queue would. */
const fire =
  (kind: TimerKind) =>
  (state: IncidentState): IncidentCommand => {
    const timer =
      state.status === 'none' ? undefined : timersFor(state, HISTORY_POLICY).find((t) => t.kind === kind);
    if (!timer) throw new Error(`no ${kind} timer in ${state.status}`);
    return {
      type: 'FireTimer',
      actor: 'system',
      now: timer.dueAt,
      kind,
      key: timer.key,
      dueAt: timer.dueAt,
      policy: HISTORY_POLICY,
    };
  };

const HOURS = 60;
const answers = {
  whatHappened: 'A deploy removed payment retries.',
  whyNotDetectedSooner: 'No alert on payment errors.',
  whyResponseTookSoLong: 'The rollback runbook was out of date.',
  whatWeChange: 'Alert on payment errors; test retries in CI.',
};

/**
 * One incident through every stage, touching every event type the fixture does not: triage, a
 * lifted hold, proposed/reassigned/abandoned actions, a withdrawn hypothesis, nudges, a reopening,
 * a hand-off, the postmortem and its follow-ups.
 */
export const fullLifecycle: readonly IncidentEvent[] = drive([
  {
    type: 'OpenIncident',
    actor: REPORTER,
    now: at(0),
    number: 7,
    title: 'Payments failing',
    service: 'payments',
    severity: null,
    private: false,
    drill: false,
    diagnosisHold: 10 * 60_000,
  },
  { type: 'TakeRole', actor: DANA, now: at(1), role: 'commander' },
  { type: 'AssignRole', actor: DANA, now: at(1), role: 'communicator', assignee: ALEX },
  {
    type: 'ClassifySeverity',
    actor: DANA,
    now: at(2),
    triage: { customerImpact: 'most', criticalPathDown: true, dataAtRisk: false, workaroundExists: false },
  },
  {
    type: 'ProposeHypothesis',
    actor: ALEX,
    now: at(3),
    hypothesisId: 'h1',
    text: 'The card processor times out',
  },
  {
    type: 'StartAction',
    actor: SAM,
    now: at(4),
    actionId: 'a1',
    text: 'Raise the timeout',
    owner: SAM,
    hypothesisId: 'h1',
  },
  { type: 'LiftHold', actor: DANA, now: at(5), reason: 'Customers cannot pay; act now' },
  { type: 'StartProposedAction', actor: DANA, now: at(6), actionId: 'a1' },
  { type: 'ReassignAction', actor: DANA, now: at(7), actionId: 'a1', owner: ALEX },
  {
    type: 'StartAction',
    actor: SAM,
    now: at(8),
    actionId: 'a2',
    text: 'Fail over to the backup processor',
    owner: SAM,
    hypothesisId: null,
  },
  { type: 'AbandonAction', actor: SAM, now: at(9), actionId: 'a2', reason: 'The backup has the same bug' },
  {
    type: 'UpdateHypothesis',
    actor: ALEX,
    now: at(10),
    hypothesisId: 'h1',
    status: 'testing',
    evidence: null,
  },
  {
    type: 'UpdateHypothesis',
    actor: ALEX,
    now: at(12),
    hypothesisId: 'h1',
    status: 'confirmed',
    evidence: 'Timeouts in the processor logs',
  },
  {
    type: 'WithdrawHypothesis',
    actor: DANA,
    now: at(14),
    hypothesisId: 'h1',
    reason: 'Timeouts persist at 30 s',
  },
  {
    type: 'RecordDecision',
    actor: DANA,
    now: at(15),
    decisionId: 'd1',
    what: 'Roll back today’s deploy',
    why: 'Errors began with it',
    wouldChangeOurMind: 'Errors on old hosts',
  },
  {
    type: 'AddNote',
    actor: SAM,
    now: at(16),
    text: 'Rollback started — “carefully”, with \\ and "quotes"\nand a newline',
  },
  {
    type: 'CaptureMessage',
    actor: DANA,
    now: at(17),
    channel: 'C0INC',
    ts: '1763820960.000200',
    author: SAM,
    text: 'Error rate 40% 📈',
    postedAt: at(16),
  },
  { type: 'ChangeStatus', actor: DANA, now: at(20), status: 'identified', note: 'Deploy is the cause' },
  fire('update-due'),
  fire('escalation-senior'),
  {
    type: 'Escalate',
    actor: DANA,
    now: at(32),
    reason: 'Need a decision on telling customers',
    policy: POLICY,
  },
  { type: 'SnoozeUpdateNudge', actor: ALEX, now: at(31), minutes: 15 },
  {
    type: 'PostStakeholderUpdate',
    actor: ALEX,
    now: at(33),
    text: 'Payments are failing for most customers; rolling back.',
    nextUpdateBy: at(60),
    expectedResolution: 'within the hour',
    alsoPostTo: 'C0STAKEHOLDERS',
  },
  { type: 'ChangeStatus', actor: DANA, now: at(36), status: 'monitoring', note: null },
  { type: 'CompleteAction', actor: ALEX, now: at(38), actionId: 'a1', outcome: null },
  {
    type: 'Resolve',
    actor: DANA,
    now: at(40),
    summary: 'Rolled back.',
    impactEndedAt: at(37),
    postmortemWanted: false,
  },
  { type: 'Reopen', actor: DANA, now: at(45), reason: 'Errors are back' },
  { type: 'HandOffRole', actor: DANA, now: at(46), role: 'commander', to: ALEX },
  { type: 'ReleaseRole', actor: ALEX, now: at(47), role: 'communicator' },
  { type: 'ChangeSeverity', actor: ALEX, now: at(48), severity: 'SEV2', reason: 'Only some cards fail now' },
  {
    type: 'Resolve',
    actor: ALEX,
    now: at(55),
    summary: 'Fixed the retry bug.',
    impactEndedAt: null,
    postmortemWanted: false,
    impactStartedAt: at(44),
    detection: { source: 'customer_report', link: 'https://support.example.com/t/42' },
  },
  fire('postmortem-reminder'),
  fire('postmortem-reminder'),
  {
    type: 'RecordPostmortem',
    actor: ALEX,
    now: at(50 * HOURS),
    answers,
    followUps: [
      { id: 'f1', title: 'Alert on payment errors', owner: SAM, due: '2026-12-01', rank: 1, control: true },
      { id: 'f2', title: 'Retry test in CI', owner: ALEX, due: '2026-12-08', rank: 2, control: true },
      {
        id: 'f3',
        title: 'Update the rollback runbook',
        owner: DANA,
        due: '2026-12-15',
        rank: 3,
        control: false,
        runbook: true,
      },
    ],
    requireControl: true,
  },
  { type: 'ExportPostmortem', actor: SAM, now: at(51 * HOURS), channel: 'C0INC7' },
  fire('follow-up-reminder'),
  { type: 'CompleteFollowUp', actor: SAM, now: '2026-11-30T12:00:00.000Z', followUpId: 'f1' },
  {
    type: 'DropFollowUp',
    actor: ALEX,
    now: '2026-12-01T12:00:00.000Z',
    followUpId: 'f3',
    reason: 'Runbook retired',
  },
  fire('follow-up-reminder'),
  fire('follow-up-reminder'),
  { type: 'AddNote', actor: SAM, now: '2026-12-10T09:00:00.000Z', text: 'Notes still welcome once closed' },
]);

/** Opened with triage answers, private and a drill, with the hold running out on its timer. */
export const triagedDrill: readonly IncidentEvent[] = drive([
  {
    type: 'OpenIncident',
    actor: REPORTER,
    now: at(0),
    number: 8,
    title: 'Drill: search is slow',
    service: null,
    severity: null,
    triage: { customerImpact: 'some', criticalPathDown: false, dataAtRisk: false, workaroundExists: true },
    private: true,
    drill: true,
    diagnosisHold: 5 * 60_000,
  },
  fire('hold-end'),
  fire('commander-nudge'),
  { type: 'SetService', actor: REPORTER, now: at(8), service: 'search' },
  { type: 'SetService', actor: REPORTER, now: at(9), service: 'search-api' },
  {
    type: 'Resolve',
    actor: REPORTER,
    now: at(20),
    summary: 'Drill over.',
    impactEndedAt: null,
    postmortemWanted: false,
  },
]);

/** Written with the domain spec's helpers: no hold at all, and a hold still active at resolution. */
const noHold: readonly IncidentEvent[] = [
  opened({ holdEndsAt: null, severity: 'pending' }),
  commanderIs(DANA),
  resolved(40, { postmortemRequired: false, asCommander: true }),
];
const resolvedDuringHold: readonly IncidentEvent[] = [opened(), commanderIs(DANA), resolved(5)];
const heldThenEnded: readonly IncidentEvent[] = [opened(), holdEnded()];

/** Every history, by name. */
export const histories: Readonly<Record<string, readonly IncidentEvent[]>> = {
  'the fixture incident': incidentHistory,
  'the fixture incident with a long timeline': longIncidentHistory(60),
  'a full lifecycle from commands': fullLifecycle,
  'a triaged private drill': triagedDrill,
  'an incident without a hold': noHold,
  'an incident resolved during its hold': resolvedDuringHold,
  'a hold that ran out': heldThenEnded,
};

/** The state after each event of a history, the empty one first: every snapshot it ever stored. */
export function statesAlong(events: readonly IncidentEvent[]): IncidentState[] {
  const states: IncidentState[] = [replay([])];
  for (const event of events) states.push(replay([event], states[states.length - 1]));
  return states;
}

/** A JSON round trip, as through a `jsonb` column. */
export const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
