import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMilliseconds,
  decide,
  type IncidentCommand,
  type IncidentEvent,
  type IncidentState,
  isActive,
  replay,
  timersFor,
} from '../../../src/domain/index.js';
import { POLICY, T0 } from './spec.js';

const people = fc.constantFrom('U1', 'U2', 'U3');
const ids = fc.constantFrom('x1', 'x2', 'x3');
const role = fc.constantFrom('commander' as const, 'communicator' as const, 'scribe' as const);
const text = fc.constantFrom('', '  ', 'A reason', 'Roll back the deploy');

/** Any command, valid or not, as a function of the time it is sent. */
const command: fc.Arbitrary<(now: string) => IncidentCommand> = fc.oneof(
  fc.record({ actor: people, role }).map((c) => (now: string) => ({ type: 'TakeRole' as const, now, ...c })),
  fc
    .record({ actor: people, role, assignee: people })
    .map((c) => (now: string) => ({ type: 'AssignRole' as const, now, ...c })),
  fc
    .record({ actor: people, role, to: people })
    .map((c) => (now: string) => ({ type: 'HandOffRole' as const, now, ...c })),
  fc
    .record({ actor: people, role })
    .map((c) => (now: string) => ({ type: 'ReleaseRole' as const, now, ...c })),
  fc
    .record({ actor: people, reason: text })
    .map((c) => (now: string) => ({ type: 'LiftHold' as const, now, ...c })),
  fc
    .record({ actor: people, hypothesisId: ids, text })
    .map((c) => (now: string) => ({ type: 'ProposeHypothesis' as const, now, ...c })),
  fc
    .record({
      actor: people,
      hypothesisId: ids,
      status: fc.constantFrom('testing' as const, 'ruled_out' as const, 'confirmed' as const),
      evidence: fc.option(text, { nil: null }),
    })
    .map((c) => (now: string) => ({ type: 'UpdateHypothesis' as const, now, ...c })),
  fc
    .record({
      actor: people,
      actionId: ids,
      text,
      owner: people,
      hypothesisId: fc.option(ids, { nil: null }),
    })
    .map((c) => (now: string) => ({ type: 'StartAction' as const, now, ...c })),
  fc
    .record({ actor: people, actionId: ids })
    .map((c) => (now: string) => ({ type: 'StartProposedAction' as const, now, ...c })),
  fc
    .record({ actor: people, actionId: ids, outcome: fc.option(text, { nil: null }) })
    .map((c) => (now: string) => ({ type: 'CompleteAction' as const, now, ...c })),
  fc.record({ actor: people, text }).map((c) => (now: string) => ({ type: 'AddNote' as const, now, ...c })),
  fc
    .record({
      actor: people,
      status: fc.constantFrom('investigating' as const, 'identified' as const, 'monitoring' as const),
    })
    .map((c) => (now: string) => ({ type: 'ChangeStatus' as const, now, note: null, ...c })),
  fc
    .record({
      actor: people,
      summary: text,
      postmortemWanted: fc.boolean(),
      finalUpdate: fc.option(text, { nil: null }),
    })
    .map((c) => (now: string) => ({ type: 'Resolve' as const, now, impactEndedAt: null, ...c })),
  fc
    .record({ actor: people, reason: text })
    .map((c) => (now: string) => ({ type: 'Reopen' as const, now, ...c })),
  fc
    .record({
      kind: fc.constantFrom('hold-end', 'escalation', 'update-due'),
      minutes: fc.constantFrom(10, 30, 60),
    })
    .map((c) => (now: string) => ({
      type: 'FireTimer' as const,
      actor: 'system',
      now,
      kind: c.kind,
      key: c.kind,
      dueAt: addMilliseconds(T0, c.minutes * 60_000),
      policy: POLICY,
    })),
);

const open: IncidentCommand = {
  type: 'OpenIncident',
  actor: 'U1',
  now: T0,
  number: 1,
  title: 'Outage',
  service: null,
  severity: 'SEV1',
  private: false,
  drill: false,
  diagnosisHold: 10 * 60_000,
};

interface Run {
  readonly states: IncidentState[];
  readonly events: IncidentEvent[];
  readonly steps: { command: IncidentCommand; before: IncidentState; produced: readonly IncidentEvent[] }[];
}

function run(script: readonly { step: (now: string) => IncidentCommand; gap: number }[]): Run {
  let state = replay([]);
  const events: IncidentEvent[] = [];
  const states: IncidentState[] = [];
  const steps: Run['steps'] = [];
  let minutes = 0;
  for (const { step, gap } of [{ step: () => open, gap: 0 }, ...script]) {
    minutes += gap;
    const cmd = step(addMilliseconds(T0, minutes * 60_000));
    const decision = decide(cmd, state);
    const produced = decision.ok ? decision.events : [];
    steps.push({ command: cmd, before: state, produced });
    for (const event of produced) {
      events.push(event);
      state = replay([event], state);
    }
    states.push(state);
  }
  return { states, events, steps };
}

const scripts = fc.array(fc.record({ step: command, gap: fc.integer({ min: 0, max: 8 }) }), {
  maxLength: 40,
});

describe('invariants over random command sequences', () => {
  it('replaying the emitted events from the initial state gives the same state', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        const { states, events } = run(script);
        expect(replay(events)).toEqual(states[states.length - 1]);
      }),
      { numRuns: 200 },
    );
  });

  it('one person per role, always someone who acted', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        for (const state of run(script).states) {
          if (state.status === 'none') continue;
          for (const holder of Object.values(state.roles))
            if (holder !== null) expect(state.participants).toContain(holder);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('no action starts during an active hold, and no resolve without a summary', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        for (const { before, produced, command } of run(script).steps) {
          for (const event of produced) {
            if (event.type === 'ActionStarted' && isActive(before) && before.hold.state === 'active') {
              expect(command.now >= before.hold.endsAt).toBe(true);
            }
            if (event.type === 'IncidentResolved') expect(event.summary.trim()).not.toBe('');
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('events only append: each step extends the history it was given', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        const { steps, events } = run(script);
        expect(steps.flatMap((s) => s.produced)).toEqual(events);
        for (const event of events) expect(event.at >= T0).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('no live-incident timer once resolved, and no timer due before its rule allows', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        for (const state of run(script).states) {
          if (state.status === 'none') continue;
          const kinds = timersFor(state, POLICY).map((t) => t.kind);
          if (!isActive(state))
            expect(kinds.filter((k) => k === 'hold-end' || k === 'escalation' || k === 'update-due')).toEqual(
              [],
            );
          if (isActive(state) && state.hold.state !== 'active') expect(kinds).not.toContain('hold-end');
          if (state.escalatedAt !== null) expect(kinds).not.toContain('escalation');
        }
      }),
      { numRuns: 200 },
    );
  });
});
