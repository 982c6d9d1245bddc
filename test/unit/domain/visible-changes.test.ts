import { describe, expect, it } from 'vitest';
import {
  type FireTimer,
  type IncidentEvent,
  replay,
  similarTitles,
  timersFor,
} from '../../../src/domain/index.js';
import { ALEX, at, commanderIs, DANA, given, opened, POLICY, REPORTER, resolved } from './spec.js';

const NUDGE_POLICY = { ...POLICY, commanderNudgeAfter: 5 * 60_000 };
const nudgeTimer = (events: IncidentEvent[]) =>
  timersFor(replay(events) as never, NUDGE_POLICY).find((t) => t.kind === 'commander-nudge');
const fireNudge = (now = at(5)): FireTimer => ({
  type: 'FireTimer',
  actor: 'system',
  now,
  kind: 'commander-nudge',
  key: 'commander-nudge',
  dueAt: at(5),
  policy: NUDGE_POLICY,
});

describe('setting the service', () => {
  const setService = { type: 'SetService' as const, actor: DANA, now: at(3), service: '  payments-api ' };

  it('names the service, trimmed, recording what it was', () => {
    const when = given(opened({ service: null }), commanderIs(DANA)).when(setService);
    when.thenEmits({ type: 'ServiceSet', from: null, to: 'payments-api', asCommander: true, by: DANA });
    expect(when.stateAfter()).toMatchObject({ service: 'payments-api' });
  });

  it('renames it, and changes nothing when it is already that', () => {
    given(opened(), commanderIs(DANA))
      .when(setService)
      .thenEmits({ type: 'ServiceSet', from: 'checkout', to: 'payments-api' });
    given(opened({ service: 'payments-api' }), commanderIs(DANA))
      .when(setService)
      .thenNothing();
  });

  it('is the commander’s call, anyone’s while nobody is commander', () => {
    given(opened(), commanderIs(DANA))
      .when({ ...setService, actor: ALEX })
      .thenRejects('not_permitted', /Only the commander \(<@U0DANA>\) can set the service/);
    given(opened())
      .when({ ...setService, actor: ALEX })
      .thenEmits({ type: 'ServiceSet', asCommander: false });
  });

  it('refuses an empty or overlong name, naming the field', () => {
    const empty = given(opened(), commanderIs(DANA)).when({ ...setService, service: ' ' });
    empty.thenRejects('invalid_input', /service name/);
    expect(empty.decision.ok ? null : empty.decision.rejection.field).toBe('service');
    given(opened(), commanderIs(DANA))
      .when({ ...setService, service: 'x'.repeat(81) })
      .thenRejects('invalid_input', /keep it to 80/);
  });

  it('may be named after resolving (the postmortem reads it), not once closed', () => {
    given(opened(), commanderIs(DANA), resolved(40))
      .when({ ...setService, now: at(50) })
      .thenEmits({ type: 'ServiceSet' });
    given(opened(), commanderIs(DANA), resolved(40), {
      type: 'PostmortemRecorded',
      at: at(60),
      by: DANA,
      asCommander: true,
      answers: {
        whatHappened: 'a',
        whyNotDetectedSooner: 'b',
        whyResponseTookSoLong: 'c',
        whatWeChange: 'd',
      },
      followUps: [],
    })
      .when({ ...setService, now: at(70) })
      .thenRejects('wrong_status', /closed/);
  });
});

describe('resolving while the severity is pending', () => {
  const resolve = {
    type: 'Resolve' as const,
    actor: DANA,
    now: at(40),
    summary: 'Rolled back the deploy.',
    impactEndedAt: null,
    postmortemWanted: false,
  };
  const pending = () => given(opened({ severity: 'pending' }), commanderIs(DANA));

  it('is refused without a severity, on the severity field', () => {
    const when = pending().when(resolve);
    when.thenRejects('invalid_input', /severity is still pending/);
    expect(when.decision.ok ? null : when.decision.rejection.field).toBe('severity');
    pending()
      .when({ ...resolve, severity: null })
      .thenRejects('invalid_input');
  });

  it('records the severity first, and the postmortem follows from it', () => {
    const when = pending().when({ ...resolve, severity: 'SEV1' });
    when.thenEmits(
      {
        type: 'SeverityChanged',
        from: 'pending',
        to: 'SEV1',
        reason: 'set when resolving',
        asCommander: true,
      },
      { type: 'IncidentResolved', postmortemRequired: true },
    );
    expect(when.stateAfter()).toMatchObject({ status: 'resolved', severity: 'SEV1' });
    pending()
      .when({ ...resolve, severity: 'SEV4' })
      .thenEmits(
        { type: 'SeverityChanged', to: 'SEV4' },
        { type: 'IncidentResolved', postmortemRequired: false },
      );
  });

  it('ignores a severity once one is set: the severity picker changes it, with a reason', () => {
    given(opened({ severity: 'SEV3' }), commanderIs(DANA))
      .when({ ...resolve, severity: 'SEV1' })
      .thenEmits({ type: 'IncidentResolved', postmortemRequired: false });
  });

  it('still needs the commander', () => {
    pending()
      .when({ ...resolve, actor: ALEX, severity: 'SEV2' })
      .thenRejects('not_permitted');
  });
});

describe('the nudge when nobody has taken command', () => {
  it('is due the configured time after opening while nobody is commander', () => {
    const timer = nudgeTimer([opened()]);
    expect(timer).toMatchObject({
      key: 'commander-nudge',
      dueAt: at(5),
      delivery: 'any-hour',
      recipient: null,
    });
    expect(timer?.rule).toContain('COMMANDER_NUDGE_AFTER');
    expect(timer?.cancelledBy).toMatch(/taking command/);
  });

  it('is cancelled by anyone taking command, and is off at 0 or unset', () => {
    expect(nudgeTimer([opened(), commanderIs(DANA)])).toBeUndefined();
    expect(timersFor(replay([opened()]) as never, POLICY).map((t) => t.kind)).not.toContain(
      'commander-nudge',
    );
    expect(
      timersFor(replay([opened()]) as never, { ...POLICY, commanderNudgeAfter: 0 }).map((t) => t.kind),
    ).not.toContain('commander-nudge');
  });

  it('fires once: the channel is asked, and then the timer is gone', () => {
    const when = given(opened()).when(fireNudge());
    when.thenEmits({ type: 'CommanderNudged', at: at(5), by: 'system' });
    expect(when.stateAfter()).toMatchObject({ commanderNudgedAt: at(5) });
    const nudged = [opened(), { type: 'CommanderNudged', at: at(5), by: 'system' } as IncidentEvent];
    expect(nudgeTimer(nudged)).toBeUndefined();
    given(...nudged)
      .when(fireNudge(at(6)))
      .thenNothing();
  });

  it('does nothing when it fires after someone took command, or before it is due', () => {
    given(opened(), commanderIs(DANA, 3)).when(fireNudge()).thenNothing();
    given(opened())
      .when(fireNudge(at(4)))
      .thenNothing();
  });

  it('is not wanted once resolved', () => {
    expect(nudgeTimer([opened(), resolved(3, { by: REPORTER, asCommander: false })])).toBeUndefined();
  });
});

describe('similar titles', () => {
  it('match the same words, whatever the case, punctuation, filler words or plurals', () => {
    expect(similarTitles('Checkout errors spiking', 'checkout errors')).toBe(true);
    expect(similarTitles('Checkout is down!', 'checkout down')).toBe(true);
    expect(similarTitles('API timeouts in payments', 'Payments API timeout')).toBe(true);
  });

  it('do not match titles that share a word or two that say little', () => {
    expect(similarTitles('Checkout errors', 'Login errors')).toBe(false);
    expect(similarTitles('Search is slow', 'Checkout errors spiking')).toBe(false);
    expect(similarTitles('the', 'a')).toBe(false);
  });
});
