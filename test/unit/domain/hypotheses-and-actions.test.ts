import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../src/domain/index.js';
import { ALEX, at, DANA, given, holdEnded, opened, resolved } from './spec.js';

const hypothesis: IncidentEvent = {
  type: 'HypothesisProposed',
  at: at(2),
  by: ALEX,
  hypothesisId: 'h1',
  text: 'The 14:02 deploy broke the payment client',
};
/** Hypothesis h1, moved to `status` at minute 4 by Alex. */
const updated = (status: 'testing' | 'confirmed', evidence: string | null): IncidentEvent => ({
  type: 'HypothesisUpdated',
  at: at(4),
  by: ALEX,
  hypothesisId: 'h1',
  status,
  evidence,
});
const confirmed = updated('confirmed', 'seen');
const mark = (status: 'testing' | 'ruled_out' | 'confirmed', evidence: string | null = null) => ({
  type: 'UpdateHypothesis' as const,
  actor: ALEX,
  now: at(5),
  hypothesisId: 'h1',
  status,
  evidence,
});

describe('hypotheses', () => {
  it('are proposed during the hold', () => {
    given(opened())
      .when({ type: 'ProposeHypothesis', actor: ALEX, now: at(2), hypothesisId: 'h1', text: ' Bad deploy ' })
      .thenEmits({ type: 'HypothesisProposed', hypothesisId: 'h1', text: 'Bad deploy' });
  });

  it('proposed twice with the same id are one', () => {
    given(opened(), hypothesis)
      .when({ type: 'ProposeHypothesis', actor: ALEX, now: at(2), hypothesisId: 'h1', text: 'again' })
      .thenNothing();
  });

  it('need text', () => {
    given(opened())
      .when({ type: 'ProposeHypothesis', actor: ALEX, now: at(2), hypothesisId: 'h1', text: '' })
      .thenRejects('invalid_input');
  });

  it('move proposed → testing → confirmed, with evidence', () => {
    given(opened(), hypothesis)
      .when(mark('testing'))
      .thenEmits({ type: 'HypothesisUpdated', status: 'testing', evidence: null });
    const when = given(opened(), hypothesis, updated('testing', null)).when(
      mark('confirmed', 'Errors stopped after rollback'),
    );
    when.thenEmits({
      type: 'HypothesisUpdated',
      status: 'confirmed',
      evidence: 'Errors stopped after rollback',
    });
    expect(when.stateAfter()).toMatchObject({
      hypotheses: [{ id: 'h1', status: 'confirmed', evidence: 'Errors stopped after rollback' }],
    });
  });

  it('need evidence to be ruled out or confirmed', () => {
    given(opened(), hypothesis)
      .when(mark('ruled_out'))
      .thenRejects('invalid_input', /evidence/);
  });

  it('cannot go back from confirmed except by withdrawal', () => {
    given(opened(), hypothesis, confirmed)
      .when(mark('testing'))
      .thenRejects('invalid_transition', /withdraw it/);
    given(opened(), hypothesis, confirmed).when(mark('confirmed', 'again')).thenNothing();
    given(opened(), hypothesis, confirmed)
      .when({
        type: 'WithdrawHypothesis',
        actor: DANA,
        now: at(6),
        hypothesisId: 'h1',
        reason: 'Errors came back',
      })
      .thenEmits({ type: 'HypothesisWithdrawn', reason: 'Errors came back' });
  });

  it('only confirmed ones are withdrawn, with a reason', () => {
    given(opened(), hypothesis)
      .when({ type: 'WithdrawHypothesis', actor: DANA, now: at(6), hypothesisId: 'h1', reason: 'x' })
      .thenRejects('invalid_transition', /rule this one out/);
    given(opened(), hypothesis, confirmed)
      .when({ type: 'WithdrawHypothesis', actor: DANA, now: at(6), hypothesisId: 'h1', reason: '' })
      .thenRejects('invalid_input');
    const withdrawn: IncidentEvent = {
      type: 'HypothesisWithdrawn',
      at: at(6),
      by: DANA,
      hypothesisId: 'h1',
      reason: 'no',
    };
    given(opened(), hypothesis, confirmed, withdrawn)
      .when({ type: 'WithdrawHypothesis', actor: DANA, now: at(7), hypothesisId: 'h1', reason: 'x' })
      .thenNothing();
    given(opened(), hypothesis, confirmed, withdrawn)
      .when(mark('testing'))
      .thenRejects('invalid_transition', /propose it again/);
  });

  it('that do not exist are named as such', () => {
    given(opened()).when(mark('testing')).thenRejects('unknown_hypothesis');
    given(opened())
      .when({ type: 'WithdrawHypothesis', actor: DANA, now: at(6), hypothesisId: 'nope', reason: 'x' })
      .thenRejects('unknown_hypothesis');
  });

  it('cannot be added after resolution', () => {
    given(opened(), resolved())
      .when({ type: 'ProposeHypothesis', actor: ALEX, now: at(50), hypothesisId: 'h9', text: 'late' })
      .thenRejects('wrong_status');
    given(opened(), hypothesis, resolved()).when(mark('testing')).thenRejects('wrong_status');
    given(opened(), hypothesis, resolved())
      .when({ type: 'WithdrawHypothesis', actor: DANA, now: at(50), hypothesisId: 'h1', reason: 'x' })
      .thenRejects('wrong_status');
  });
});

const start = (now: string, overrides: Partial<{ actionId: string; hypothesisId: string | null }> = {}) => ({
  type: 'StartAction' as const,
  actor: ALEX,
  now,
  actionId: 'a1',
  text: 'Roll back the 14:02 deploy',
  owner: ALEX,
  hypothesisId: null,
  ...overrides,
});

describe('actions', () => {
  it('during the hold are kept as proposed, and the person is told when the hold ends', () => {
    const when = given(opened()).when(start(at(3)));
    when.thenEmits({ type: 'ActionProposed', actionId: 'a1', holdEndsAt: at(10) });
    expect(when.decision).toMatchObject({ ok: true, notice: { code: 'hold_active', at: at(10) } });
    if (when.decision.ok)
      expect(when.decision.notice?.message).toMatch(
        /The diagnosis hold ends at 14:10 UTC; I recorded this as a proposed action/,
      );
    expect(when.stateAfter()).toMatchObject({ actions: [{ id: 'a1', status: 'proposed' }] });
  });

  it('start at once after the hold, and may test a hypothesis', () => {
    given(opened(), hypothesis, holdEnded())
      .when(start(at(11), { hypothesisId: 'h1' }))
      .thenEmits({ type: 'ActionStarted', actionId: 'a1', hypothesisId: 'h1', wasProposed: false });
  });

  it('start at once when the hold has passed its end even before its timer fired', () => {
    given(opened())
      .when(start(at(10)))
      .thenEmits({ type: 'ActionStarted' });
  });

  it('refuse an unknown hypothesis and empty text', () => {
    given(opened(), holdEnded())
      .when(start(at(11), { hypothesisId: 'nope' }))
      .thenRejects('unknown_hypothesis');
    given(opened(), holdEnded())
      .when({ ...start(at(11)), text: ' ' })
      .thenRejects('invalid_input');
  });

  const proposed: IncidentEvent = {
    type: 'ActionProposed',
    at: at(3),
    by: ALEX,
    actionId: 'a1',
    text: 'Roll back',
    owner: ALEX,
    hypothesisId: null,
    holdEndsAt: at(10),
  };
  const started: IncidentEvent = {
    type: 'ActionStarted',
    at: at(11),
    by: ALEX,
    actionId: 'a1',
    text: 'Roll back',
    owner: ALEX,
    hypothesisId: null,
    wasProposed: false,
  };

  it('proposed during the hold start once it is over', () => {
    given(opened(), proposed)
      .when({ type: 'StartProposedAction', actor: DANA, now: at(5), actionId: 'a1' })
      .thenRejects('hold_active', /14:10 UTC/);
    const when = given(opened(), proposed, holdEnded()).when({
      type: 'StartProposedAction',
      actor: DANA,
      now: at(11),
      actionId: 'a1',
    });
    when.thenEmits({ type: 'ActionStarted', actionId: 'a1', wasProposed: true });
    expect(when.stateAfter()).toMatchObject({ actions: [{ id: 'a1', status: 'in_progress' }] });
    given(opened(), started)
      .when({ type: 'StartProposedAction', actor: DANA, now: at(12), actionId: 'a1' })
      .thenNothing();
    given(opened(), started)
      .when(start(at(12)))
      .thenNothing();
  });

  it('are done, abandoned with a reason, or reassigned', () => {
    given(opened(), started)
      .when({ type: 'CompleteAction', actor: ALEX, now: at(15), actionId: 'a1', outcome: ' Errors gone ' })
      .thenEmits({ type: 'ActionCompleted', outcome: 'Errors gone' });
    given(opened(), started)
      .when({ type: 'AbandonAction', actor: ALEX, now: at(15), actionId: 'a1', reason: 'Not needed' })
      .thenEmits({ type: 'ActionAbandoned', reason: 'Not needed' });
    given(opened(), started)
      .when({ type: 'AbandonAction', actor: ALEX, now: at(15), actionId: 'a1', reason: '' })
      .thenRejects('invalid_input');
    const when = given(opened(), started).when({
      type: 'ReassignAction',
      actor: DANA,
      now: at(15),
      actionId: 'a1',
      owner: DANA,
    });
    when.thenEmits({ type: 'ActionReassigned', from: ALEX, to: DANA });
    expect(when.stateAfter()).toMatchObject({ actions: [{ owner: DANA }] });
    given(opened(), started)
      .when({ type: 'ReassignAction', actor: DANA, now: at(15), actionId: 'a1', owner: ALEX })
      .thenNothing();
  });

  it('that are finished stay finished', () => {
    const done: IncidentEvent = {
      type: 'ActionCompleted',
      at: at(15),
      by: ALEX,
      actionId: 'a1',
      outcome: null,
    };
    given(opened(), started, done)
      .when({ type: 'CompleteAction', actor: ALEX, now: at(16), actionId: 'a1', outcome: null })
      .thenNothing();
    given(opened(), started, done)
      .when({ type: 'AbandonAction', actor: ALEX, now: at(16), actionId: 'a1', reason: 'x' })
      .thenRejects('invalid_transition', /already done/);
    given(opened(), started, done)
      .when({ type: 'ReassignAction', actor: ALEX, now: at(16), actionId: 'a1', owner: DANA })
      .thenRejects('invalid_transition');
    given(opened(), started, done)
      .when({ type: 'StartProposedAction', actor: ALEX, now: at(16), actionId: 'a1' })
      .thenRejects('invalid_transition');
    const abandoned: IncidentEvent = {
      type: 'ActionAbandoned',
      at: at(15),
      by: ALEX,
      actionId: 'a1',
      reason: 'x',
    };
    given(opened(), started, abandoned)
      .when({ type: 'AbandonAction', actor: ALEX, now: at(16), actionId: 'a1', reason: 'x' })
      .thenNothing();
    given(opened(), started, abandoned)
      .when({ type: 'CompleteAction', actor: ALEX, now: at(16), actionId: 'a1', outcome: null })
      .thenRejects('invalid_transition', /abandoned/);
  });

  it('only proposed cannot be marked done', () => {
    given(opened(), proposed)
      .when({ type: 'CompleteAction', actor: ALEX, now: at(5), actionId: 'a1', outcome: null })
      .thenRejects('invalid_transition', /only proposed/);
  });

  it('that do not exist are named as such', () => {
    for (const command of [
      { type: 'CompleteAction' as const, actor: ALEX, now: at(5), actionId: 'x', outcome: null },
      { type: 'AbandonAction' as const, actor: ALEX, now: at(5), actionId: 'x', reason: 'r' },
      { type: 'ReassignAction' as const, actor: ALEX, now: at(5), actionId: 'x', owner: DANA },
      { type: 'StartProposedAction' as const, actor: ALEX, now: at(5), actionId: 'x' },
    ]) {
      given(opened()).when(command).thenRejects('unknown_action');
    }
  });

  it('cannot start after resolution', () => {
    given(opened(), resolved())
      .when(start(at(50)))
      .thenRejects('wrong_status');
    given(opened(), proposed, resolved())
      .when({ type: 'StartProposedAction', actor: DANA, now: at(50), actionId: 'a1' })
      .thenRejects('wrong_status');
  });
});
