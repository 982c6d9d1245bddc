import { describe, expect, it } from 'vitest';
import {
  type FireTimer,
  type IncidentEvent,
  nextUpdateDue,
  replay,
  type TimerKind,
  timersFor,
} from '../../../src/domain/index.js';
import { postmortemRecorded } from '../../support/incident-events.js';
import { ALEX, at, commanderIs, DANA, given, holdEnded, opened, POLICY, resolved } from './spec.js';

const fire = (kind: TimerKind, key: string, dueAt: string, now = dueAt): FireTimer => ({
  type: 'FireTimer',
  actor: 'system',
  now,
  kind,
  key,
  dueAt,
  policy: POLICY,
});
const keysOf = (events: IncidentEvent[]) =>
  timersFor(replay(events) as never, POLICY).map((t) => `${t.key}@${t.dueAt}`);

describe('the timer policy', () => {
  it('wants the hold end, the escalation and the update nudge while an incident is open', () => {
    const timers = timersFor(replay([opened(), commanderIs(DANA)]) as never, POLICY);
    expect(timers.map((t) => [t.kind, t.dueAt, t.delivery])).toEqual([
      ['hold-end', at(10), 'any-hour'],
      ['escalation-senior', at(30), 'any-hour'],
      ['escalation-exec', at(30), 'any-hour'],
      ['update-due', at(60), 'any-hour'],
    ]);
    for (const timer of timers) {
      expect(timer.rule).not.toBe('');
      expect(timer.effect).not.toBe('');
      expect(timer.cancelledBy).not.toBe('');
      expect(timer.key).not.toMatch(/:|^\d+$/);
    }
    expect(timers[0]?.recipient).toBe(DANA);
  });

  it('nudges unclassified incidents at the SEV2 cadence and SEV3 not at all', () => {
    expect(keysOf([opened({ severity: 'pending' })])).toContain(`update-due@${at(60)}`);
    expect(keysOf([opened({ severity: 'SEV3' })]).some((k) => k.startsWith('update-due'))).toBe(false);
  });

  it('moves the update nudge when an update is posted, to the promised time', () => {
    const update: IncidentEvent = {
      type: 'StakeholderUpdatePosted',
      at: at(20),
      by: DANA,
      text: 'x',
      nextUpdateBy: at(45),
      expectedResolution: null,
    };
    expect(keysOf([opened(), update])).toContain(`update-due@${at(45)}`);
    const nudged: IncidentEvent = { type: 'UpdateNudged', at: at(45), by: 'system', recipient: null };
    expect(keysOf([opened(), update, nudged])).toContain(`update-due@${at(105)}`);
    const snoozed: IncidentEvent = { type: 'UpdateNudgeSnoozed', at: at(46), by: DANA, until: at(150) };
    expect(keysOf([opened(), update, nudged, snoozed])).toContain(`update-due@${at(150)}`);
  });

  it('drops the hold end once the hold is lifted and the escalation once escalated', () => {
    const lifted: IncidentEvent = {
      type: 'HoldLifted',
      at: at(3),
      by: DANA,
      reason: 'x',
      endsAt: at(10),
      asCommander: true,
    };
    const escalated: IncidentEvent = { type: 'IncidentEscalated', at: at(30), by: 'system', openForMs: 1 };
    expect(keysOf([opened(), lifted, escalated]).map((k) => k.split('@')[0])).toEqual(['update-due']);
  });

  it('turns a timer off with a zero duration', () => {
    const timers = timersFor(replay([opened()]) as never, {
      ...POLICY,
      escalateAfter: 0,
      updateCadence: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 },
    });
    expect(timers.map((t) => t.kind)).toEqual(['hold-end']);
    expect(
      nextUpdateDue(replay([opened()]) as never, {
        ...POLICY,
        updateCadence: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 },
      }),
    ).toBeNull();
  });

  it('wants only postmortem reminders once resolved: halfway, at the deadline, then daily', () => {
    const timers = timersFor(replay([opened(), resolved(40)]) as never, POLICY);
    expect(timers.map((t) => [t.kind, t.key, t.dueAt, t.delivery])).toEqual([
      ['postmortem-reminder', 'postmortem-reminder-1', at(40 + 24 * 60), 'working-hours'],
    ]);
    const reminded = (n: number): IncidentEvent => ({
      type: 'PostmortemReminded',
      at: at(40),
      by: 'system',
      n,
      overdue: n >= 3,
      toExec: n >= 3,
      recipient: DANA,
    });
    expect(keysOf([opened(), resolved(40), reminded(1)])).toEqual([
      `postmortem-reminder-2@${at(40 + 48 * 60)}`,
    ]);
    expect(keysOf([opened(), resolved(40), reminded(2)])).toEqual([
      `postmortem-reminder-3@${at(40 + 72 * 60)}`,
    ]);
    expect(keysOf([opened(), resolved(40), reminded(3)])).toEqual([
      `postmortem-reminder-4@${at(40 + 96 * 60)}`,
    ]);
  });

  it('wants no reminders when no postmortem is required', () => {
    expect(keysOf([opened({ severity: 'SEV3' }), resolved(40, { postmortemRequired: false })])).toEqual([]);
    expect(timersFor(replay([opened(), resolved(40)]) as never, { ...POLICY, postmortemDue: 0 })).toEqual([]);
    expect(timersFor({ status: 'none' }, POLICY)).toEqual([]);
  });

  it('wants follow-up reminders a day before due and when overdue, in the owner’s working hours', () => {
    const recorded = postmortemRecorded(
      [
        { id: 'f1', owner: ALEX, title: 'Alert on payment errors', control: true },
        { id: 'f2', owner: DANA, title: 'Automate rollback', due: '2026-12-05' },
        { id: 'f3', owner: DANA, title: 'Runbook', due: '2026-12-09' },
      ],
      2000,
    );
    const history = [opened(), resolved(40), recorded];
    const timers = timersFor(replay(history) as never, POLICY);
    expect(timers.map((t) => [t.key, t.dueAt, t.recipient, t.delivery])).toEqual([
      ['follow-up-f1-before', '2026-11-30T00:00:00.000Z', ALEX, 'working-hours'],
      ['follow-up-f2-before', '2026-12-04T00:00:00.000Z', DANA, 'working-hours'],
      ['follow-up-f3-before', '2026-12-08T00:00:00.000Z', DANA, 'working-hours'],
    ]);
    const before: IncidentEvent = {
      type: 'FollowUpReminded',
      at: at(3000),
      by: 'system',
      followUpId: 'f1',
      which: 'before',
    };
    const overdue: IncidentEvent = {
      type: 'FollowUpReminded',
      at: at(4000),
      by: 'system',
      followUpId: 'f1',
      which: 'overdue',
    };
    const done: IncidentEvent = { type: 'FollowUpCompleted', at: at(4000), by: DANA, followUpId: 'f2' };
    expect(keysOf([...history, before, done])).toEqual([
      'follow-up-f1-overdue@2026-12-02T00:00:00.000Z',
      'follow-up-f3-before@2026-12-08T00:00:00.000Z',
    ]);
    expect(keysOf([...history, before, overdue, done])).toEqual([
      'follow-up-f3-before@2026-12-08T00:00:00.000Z',
    ]);
  });
});

describe('a timer firing', () => {
  it('ends the hold at its time', () => {
    const when = given(opened()).when(fire('hold-end', 'hold-end', at(10), at(10.1)));
    when.thenEmits({ type: 'HoldEnded', by: 'system' });
    expect(when.stateAfter()).toMatchObject({ hold: { state: 'ended' } });
  });

  it('escalates once, telling every audience due in one event, recording how long it was open', () => {
    const when = given(opened()).when(fire('escalation-senior', 'escalation-senior', at(30), at(30.5)));
    when.thenEmits({ type: 'IncidentEscalated', openForMs: 30.5 * 60_000, audiences: ['senior', 'exec'] });
    const escalated = when.decision.ok ? when.decision.events : [];
    // The VP's timer, due at the same time, finds its audience told: stale.
    given(opened(), ...escalated)
      .when(fire('escalation-exec', 'escalation-exec', at(30), at(31)))
      .thenNothing();
  });

  it('ignores a job queued before the escalation policy (kind and key "escalation")', () => {
    given(opened())
      .when(fire('escalation', 'escalation', at(30), at(31)))
      .thenNothing();
  });

  it('does nothing when it is stale: resolved, lifted, moved, or early', () => {
    given(opened(), resolved(20))
      .when(fire('escalation-senior', 'escalation-senior', at(30)))
      .thenNothing();
    given(opened(), resolved(20))
      .when(fire('update-due', 'update-due', at(60)))
      .thenNothing();
    given(opened(), holdEnded(10))
      .when(fire('hold-end', 'hold-end', at(10), at(11)))
      .thenNothing();
    given(opened())
      .when(fire('escalation-senior', 'escalation-senior', at(29)))
      .thenNothing();
    given(opened())
      .when(fire('escalation-senior', 'escalation-senior', at(30), at(29)))
      .thenNothing();
  });

  it('nudges the communicator, or the commander when nobody communicates', () => {
    given(opened(), commanderIs(DANA))
      .when(fire('update-due', 'update-due', at(60)))
      .thenEmits({ type: 'UpdateNudged', recipient: DANA });
  });

  it('reminds about the postmortem, telling the exec once it is a day overdue', () => {
    given(opened(), resolved(40))
      .when(fire('postmortem-reminder', 'postmortem-reminder-1', at(40 + 24 * 60)))
      .thenEmits({ type: 'PostmortemReminded', n: 1, overdue: false, toExec: false });
    const reminded = (n: number): IncidentEvent => ({
      type: 'PostmortemReminded',
      at: at(40),
      by: 'system',
      n,
      overdue: false,
      toExec: false,
      recipient: DANA,
    });
    given(opened(), resolved(40), reminded(1), reminded(2))
      .when(fire('postmortem-reminder', 'postmortem-reminder-3', at(40 + 72 * 60)))
      .thenEmits({ type: 'PostmortemReminded', n: 3, overdue: true, toExec: true });
  });

  it('reminds follow-up owners', () => {
    const recorded = postmortemRecorded([{ id: 'f1', owner: ALEX, title: 'Alert', control: true }], 2000);
    given(opened(), resolved(40), recorded)
      .when(
        fire(
          'follow-up-reminder',
          'follow-up-f1-before',
          '2026-11-30T00:00:00.000Z',
          '2026-11-30T09:00:00.000Z',
        ),
      )
      .thenEmits({ type: 'FollowUpReminded', followUpId: 'f1', which: 'before' });
  });
});
