import { describe, expect, it } from 'vitest';
import { parseEscalationPolicy } from '../../../src/config/escalation-policy.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { MINIMAL_ENV as minimal, problemsOf } from '../../support/config-problems.js';

const MIN = 60_000;
/** A step of the policy: this audience, this many minutes after opening. */
const step = (audience: 'senior' | 'exec', minutes: number) => ({ audience, after: minutes * MIN });

describe('ESCALATION_POLICY', () => {
  it('reads each severity as audiences with the time after opening, or none', () => {
    expect(
      parseEscalationPolicy(
        'SEV1=exec@PT0S+senior@PT15M, SEV2=senior@PT45M+exec@PT1H,SEV3=senior@PT2H,SEV4=none',
      ),
    ).toEqual({
      SEV1: [step('exec', 0), step('senior', 15)],
      SEV2: [step('senior', 45), step('exec', 60)],
      SEV3: [step('senior', 120)],
      SEV4: [],
    });
  });

  it('says what is wrong with a rule, in one line naming the variable', () => {
    const expected =
      'expected rules like SEV1=exec@PT0S+senior@PT30M,SEV2=senior@PT30M+exec@PT30M,SEV3=senior@PT30M,SEV4=none (audiences senior and exec, each with an ISO-8601 time after opening, or none)';
    expect(parseEscalationPolicy('SEV5=exec@PT0S')).toBe(`${expected}, got "SEV5=exec@PT0S"`);
    expect(parseEscalationPolicy('SEV1=vp@PT0S')).toBe(`${expected}, got "SEV1=vp@PT0S"`);
    expect(parseEscalationPolicy('SEV1=exec@30m')).toBe(`${expected}, got "SEV1=exec@30m"`);
    expect(parseEscalationPolicy('SEV1=exec')).toBe(`${expected}, got "SEV1=exec"`);
    expect(parseEscalationPolicy('SEV2=none,SEV2=senior@PT5M')).toBe(
      'SEV2 is given twice; give each severity once',
    );
    expect(parseEscalationPolicy('SEV1=exec@PT0S+exec@PT5M')).toBe(
      'SEV1: exec is named twice; name each audience once',
    );
    expect(problemsOf({ ...minimal, ESCALATION_POLICY: 'SEV1=boss@PT0S' })).toEqual([
      `ESCALATION_POLICY: ${expected}, got "SEV1=boss@PT0S"`,
    ]);
  });

  it('defaults to the table, timed by ESCALATE_AFTER, so existing deployments keep their figure', () => {
    expect(loadConfig(minimal).timing.escalationPolicy).toEqual({
      setting: 'ESCALATE_AFTER',
      steps: {
        SEV1: [step('exec', 0), step('senior', 30)],
        SEV2: [step('senior', 30), step('exec', 30)],
        SEV3: [step('senior', 30)],
        SEV4: [],
      },
    });
    expect(loadConfig({ ...minimal, ESCALATE_AFTER: 'PT45M' }).timing.escalationPolicy.steps.SEV3).toEqual([
      { audience: 'senior', after: 45 * MIN },
    ]);
  });

  it('turns escalation off with ESCALATE_AFTER=PT0S when no policy is given', () => {
    expect(loadConfig({ ...minimal, ESCALATE_AFTER: 'PT0S' }).timing.escalationPolicy.steps).toEqual({
      SEV1: [],
      SEV2: [],
      SEV3: [],
      SEV4: [],
    });
  });

  it('keeps the default row for severities a policy leaves out', () => {
    const { steps, setting } = loadConfig({ ...minimal, ESCALATION_POLICY: 'SEV3=none,SEV4=senior@PT1H' })
      .timing.escalationPolicy;
    expect(setting).toBe('ESCALATION_POLICY');
    expect(steps.SEV3).toEqual([]);
    expect(steps.SEV4).toEqual([{ audience: 'senior', after: 60 * MIN }]);
    expect(steps.SEV2).toEqual([step('senior', 30), step('exec', 30)]);
  });
});
