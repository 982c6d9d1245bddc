import { describe, expect, it } from 'vitest';
import { severityFromTriage, TRIAGE_QUESTIONS } from '../../../src/domain/index.js';
import { ALEX, at, commanderIs, DANA, given, holdEnded, opened, resolved } from './spec.js';

describe('triage', () => {
  const answers = {
    customerImpact: 'none',
    criticalPathDown: false,
    dataAtRisk: false,
    workaroundExists: true,
  } as const;

  it.each([
    [{ ...answers, dataAtRisk: true }, 'SEV1'],
    [{ ...answers, customerImpact: 'most', criticalPathDown: true }, 'SEV1'],
    [{ ...answers, customerImpact: 'most' }, 'SEV2'],
    [{ ...answers, customerImpact: 'some', criticalPathDown: true, workaroundExists: false }, 'SEV2'],
    [{ ...answers, customerImpact: 'some', criticalPathDown: true }, 'SEV3'],
    [{ ...answers, customerImpact: 'some' }, 'SEV3'],
    [answers, 'SEV4'],
  ] as const)('maps %o to %s', (given, severity) => {
    expect(severityFromTriage(given)).toBe(severity);
  });

  it('documents a question for every answer it reads', () => {
    expect(TRIAGE_QUESTIONS.map((q) => q.id).sort()).toEqual(Object.keys(answers).sort());
  });
});

describe('severity', () => {
  const triage = {
    customerImpact: 'most',
    criticalPathDown: true,
    dataAtRisk: false,
    workaroundExists: false,
  } as const;

  it('is classified from triage answers, remembering the answers', () => {
    given(opened({ severity: 'pending' }))
      .when({ type: 'ClassifySeverity', actor: DANA, now: at(2), triage })
      .thenEmits({ type: 'SeverityChanged', from: 'pending', to: 'SEV1', triage, asCommander: false });
  });

  it('changes with a reason, by the commander', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'ChangeSeverity', actor: DANA, now: at(5), severity: 'SEV1', reason: 'All regions now' })
      .thenEmits({
        type: 'SeverityChanged',
        from: 'SEV2',
        to: 'SEV1',
        reason: 'All regions now',
        asCommander: true,
      });
  });

  it('needs a reason', () => {
    given(opened())
      .when({ type: 'ChangeSeverity', actor: DANA, now: at(5), severity: 'SEV1', reason: ' ' })
      .thenRejects('invalid_input', /reason/);
  });

  it('is refused to someone other than the commander', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'ChangeSeverity', actor: ALEX, now: at(5), severity: 'SEV1', reason: 'x' })
      .thenRejects('not_permitted', /Only the commander \(<@U0DANA>\) can change the severity/);
    given(opened(), commanderIs(DANA))
      .when({ type: 'ClassifySeverity', actor: ALEX, now: at(5), triage })
      .thenRejects('not_permitted');
  });

  it('changes nothing when it is already that severity', () => {
    given(opened())
      .when({ type: 'ChangeSeverity', actor: DANA, now: at(5), severity: 'SEV2', reason: 'same' })
      .thenNothing();
    given(opened({ severity: 'SEV1' }))
      .when({ type: 'ClassifySeverity', actor: DANA, now: at(5), triage })
      .thenNothing();
  });

  it('cannot change once resolved', () => {
    given(opened(), resolved(20, { by: DANA, asCommander: false }))
      .when({ type: 'ChangeSeverity', actor: DANA, now: at(30), severity: 'SEV1', reason: 'x' })
      .thenRejects('wrong_status', /reopen it first/);
    given(opened(), resolved(20))
      .when({ type: 'ClassifySeverity', actor: DANA, now: at(30), triage })
      .thenRejects('wrong_status');
  });
});

describe('the diagnosis hold', () => {
  it('is lifted early by the commander, with a reason', () => {
    const when = given(opened(), commanderIs(DANA)).when({
      type: 'LiftHold',
      actor: DANA,
      now: at(4),
      reason: 'Cause is obvious: bad deploy',
    });
    when.thenEmits({
      type: 'HoldLifted',
      reason: 'Cause is obvious: bad deploy',
      endsAt: at(10),
      asCommander: true,
    });
    expect(when.stateAfter()).toMatchObject({ hold: { state: 'lifted', liftedAt: at(4), by: DANA } });
  });

  it('may be lifted by anyone while nobody is commander, recorded as such', () => {
    given(opened())
      .when({ type: 'LiftHold', actor: ALEX, now: at(4), reason: 'Known fix' })
      .thenEmits({ type: 'HoldLifted', asCommander: false });
  });

  it('is not lifted by someone else while there is a commander', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'LiftHold', actor: ALEX, now: at(4), reason: 'x' })
      .thenRejects('not_permitted', /lift the diagnosis hold/);
  });

  it('needs a reason to be lifted', () => {
    given(opened())
      .when({ type: 'LiftHold', actor: DANA, now: at(4), reason: '' })
      .thenRejects('invalid_input');
  });

  it('cannot be lifted once over', () => {
    given(opened(), holdEnded())
      .when({ type: 'LiftHold', actor: DANA, now: at(12), reason: 'x' })
      .thenRejects('hold_not_active', /already over/);
    given(opened({ holdEndsAt: null }))
      .when({ type: 'LiftHold', actor: DANA, now: at(1), reason: 'x' })
      .thenRejects('hold_not_active');
  });
});
