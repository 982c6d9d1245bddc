import { describe, expect, it } from 'vitest';
import { effectsFor } from '../../../src/app/effects-for.js';
import { describeEvent } from '../../../src/domain/drafts/timeline.js';
import {
  defaultEscalationPolicy,
  type Escalate,
  type FireTimer,
  type IncidentEvent,
  type OpenedIncident,
  replay,
  type Severity,
  type TimerPolicy,
  timersFor,
} from '../../../src/domain/index.js';
import { ALEX, at, commanderIs, DANA, given, opened, POLICY, resolved } from './spec.js';

const escalationTimers = (events: IncidentEvent[], policy: TimerPolicy = POLICY) =>
  timersFor(replay(events) as OpenedIncident, policy).filter((t) => t.kind.startsWith('escalation'));
const escalationsOf = (events: IncidentEvent[], policy: TimerPolicy = POLICY) =>
  escalationTimers(events, policy).map((t) => `${t.key}@${t.dueAt}`);

const fire = (key: 'escalation-senior' | 'escalation-exec', dueAt: string, now = dueAt): FireTimer => ({
  type: 'FireTimer',
  actor: 'system',
  now,
  kind: key,
  key,
  dueAt,
  policy: POLICY,
});
const escalate = (reason: string | null, actor = DANA, minutes = 20): Escalate => ({
  type: 'Escalate',
  actor,
  now: at(minutes),
  reason,
  policy: POLICY,
});
/** An escalation on the timeline, by the policy's timer unless said otherwise. */
const escalated = (
  minutes: number,
  overrides: Partial<Extract<IncidentEvent, { type: 'IncidentEscalated' }>> = {},
): IncidentEvent => ({
  type: 'IncidentEscalated',
  at: at(minutes),
  by: 'system',
  openForMs: minutes * 60_000,
  ...overrides,
});
const severityChanged = (to: Severity, minutes: number): IncidentEvent => ({
  type: 'SeverityChanged',
  at: at(minutes),
  by: DANA,
  from: 'SEV3',
  to,
  reason: 'x',
  triage: null,
  asCommander: true,
});

describe('the escalation policy, row by row (default table, ESCALATE_AFTER 30 minutes)', () => {
  it('SEV1 tells the VP at once on opening and pages the senior engineer at 30 minutes', () => {
    expect(escalationsOf([opened({ severity: 'SEV1' })])).toEqual([
      `escalation-exec@${at(0)}`,
      `escalation-senior@${at(30)}`,
    ]);
  });

  it('SEV2 pages the senior engineer and tells the VP at 30 minutes', () => {
    expect(escalationsOf([opened({ severity: 'SEV2' })])).toEqual([
      `escalation-senior@${at(30)}`,
      `escalation-exec@${at(30)}`,
    ]);
  });

  it('an unclassified incident escalates as a SEV2, and says so', () => {
    const [senior] = timersFor(replay([opened({ severity: 'pending' })]) as OpenedIncident, POLICY).filter(
      (t) => t.kind.startsWith('escalation'),
    );
    expect(escalationsOf([opened({ severity: 'pending' })])).toEqual(
      escalationsOf([opened({ severity: 'SEV2' })]),
    );
    expect(senior?.rule).toBe(
      'The default escalation policy (timed by ESCALATE_AFTER) for an unclassified incident (treated as SEV2): page the senior engineer when still unresolved 30 minutes after opening.',
    );
  });

  it('SEV3 pages only the senior engineer; SEV4 escalates to nobody', () => {
    expect(escalationsOf([opened({ severity: 'SEV3' })])).toEqual([`escalation-senior@${at(30)}`]);
    expect(escalationsOf([opened({ severity: 'SEV4' })])).toEqual([]);
  });

  it('says in each row which rule and which audience, and a drill that only the commander hears', () => {
    const [exec, senior] = escalationTimers([opened({ severity: 'SEV1' })]);
    expect(exec?.rule).toBe(
      'The default escalation policy (timed by ESCALATE_AFTER) for a SEV1: tell the VP of Engineering at once on opening.',
    );
    expect(exec?.effect).toMatch(/VP of Engineering \(ESCALATION_EXEC\) a plain summary by direct message/);
    expect(senior?.effect).toMatch(/senior engineer \(ESCALATION_SENIOR\) into the channel/);
    const [drill] = escalationTimers([opened({ severity: 'SEV3', drill: true })]);
    expect(drill?.effect).toBe(
      'Drill: sends the commander, labelled as a drill, what the senior engineer would get; nobody else hears.',
    );
  });

  it('re-derives the timers when the severity changes', () => {
    const raised = [opened({ severity: 'SEV3' }), severityChanged('SEV1', 40)];
    // The VP's "at once" is already due: the queue fires it at once.
    expect(escalationsOf(raised)).toEqual([`escalation-exec@${at(0)}`, `escalation-senior@${at(30)}`]);
    expect(escalationsOf([opened({ severity: 'SEV3' }), severityChanged('SEV4', 5)])).toEqual([]);
    // A firing the policy no longer wants (lowered to SEV4) records nothing.
    given(opened({ severity: 'SEV3' }), severityChanged('SEV4', 5))
      .when(fire('escalation-senior', at(30)))
      .thenNothing();
  });

  it('keeps what a configured policy says and which setting said it', () => {
    const policy: TimerPolicy = {
      ...POLICY,
      escalation: {
        setting: 'ESCALATION_POLICY',
        steps: {
          ...defaultEscalationPolicy(30 * 60_000).steps,
          SEV4: [{ audience: 'senior', after: 3_600_000 }],
        },
      },
    };
    const timers = escalationTimers([opened({ severity: 'SEV4' })], policy);
    expect(timers.map((t) => [t.key, t.dueAt, t.rule])).toEqual([
      [
        'escalation-senior',
        at(60),
        'The escalation policy (ESCALATION_POLICY) for a SEV4: page the senior engineer when still unresolved 1 hour after opening.',
      ],
    ]);
  });

  it('tells the VP at opening of a SEV1, then pages the senior engineer later, each once', () => {
    const first = given(opened({ severity: 'SEV1' })).when(fire('escalation-exec', at(0), at(0.1)));
    first.thenEmits({ type: 'IncidentEscalated', audiences: ['exec'] });
    const atOpen = first.decision.ok ? [...first.decision.events] : [];
    expect(escalationsOf([opened({ severity: 'SEV1' }), ...atOpen])).toEqual([`escalation-senior@${at(30)}`]);
    given(opened({ severity: 'SEV1' }), ...atOpen)
      .when(fire('escalation-senior', at(30)))
      .thenEmits({ type: 'IncidentEscalated', audiences: ['senior'] });
  });

  it('counts from the reopening, and the old escalation no longer counts as telling anyone', () => {
    const history: IncidentEvent[] = [
      opened({ severity: 'SEV3' }),
      escalated(30, { audiences: ['senior'] }),
      resolved(40, { postmortemRequired: true }),
      { type: 'IncidentReopened', at: at(100), by: DANA, reason: 'back' },
    ];
    expect(escalationsOf(history)).toEqual([`escalation-senior@${at(130)}`]);
    expect(escalationTimers(history)[0]?.rule).toMatch(/after the reopening\.$/);
  });

  it('reads an escalation recorded before the policy as telling both', () => {
    const legacy = escalated(30);
    expect(escalationsOf([opened({ severity: 'SEV1' }), legacy])).toEqual([]);
    expect(effectsFor([legacy], false).map((e) => e.kind)).toEqual([
      'escalation.page',
      'escalation.brief',
      'header.render',
    ]);
  });
});

describe('/incident escalate', () => {
  it('tells the policy’s audiences now, recording who asked and why, and their timers fall away', () => {
    const when = given(opened({ severity: 'SEV3' }), commanderIs(DANA)).when(escalate('Need the DB team'));
    when.thenEmits({
      type: 'IncidentEscalated',
      by: DANA,
      at: at(20),
      openForMs: 20 * 60_000,
      audiences: ['senior'],
      reason: 'Need the DB team',
      beyondPolicy: false,
    });
    const after = when.stateAfter() as OpenedIncident;
    expect(timersFor(after, POLICY).filter((t) => t.kind.startsWith('escalation'))).toEqual([]);
    expect(after.escalations).toEqual([
      { at: at(20), by: DANA, audiences: ['senior'], reason: 'Need the DB team', beyondPolicy: false },
    ]);
  });

  it('tells both when the policy names nobody (SEV4), because a person asked, and says so', () => {
    given(opened({ severity: 'SEV4' }))
      .when(escalate(null, ALEX))
      .thenEmits({
        type: 'IncidentEscalated',
        by: ALEX,
        audiences: ['senior', 'exec'],
        reason: null,
        beyondPolicy: true,
      });
  });

  it('tells everyone the SEV1 row names, the VP again too: a person asking is news', () => {
    const toldVp = escalated(0, { audiences: ['exec'] });
    given(opened({ severity: 'SEV1' }), toldVp)
      .when(escalate('Need a call on customer comms'))
      .thenEmits({ audiences: ['senior', 'exec'] });
  });

  it('refuses the same escalation twice (a double submit), but not a new reason', () => {
    const first = given(opened()).when(escalate('Need help'));
    const events = first.decision.ok ? [...first.decision.events] : [];
    given(opened(), ...events)
      .when(escalate('Need help', ALEX, 21))
      .thenRejects(
        'invalid_input',
        /already escalated this at 14:20 UTC for the same reason, so nobody was told again/,
      );
    given(opened(), ...events)
      .when(escalate('Now the database is failing too', DANA, 25))
      .thenEmits({ type: 'IncidentEscalated', reason: 'Now the database is failing too' });
  });

  it('refuses on a resolved incident, saying to reopen it first', () => {
    given(opened(), resolved(15))
      .when(escalate('too late'))
      .thenRejects('wrong_status', /resolved, so you cannot escalate it now; reopen it first/);
  });

  it('refuses a reason over the limit', () => {
    given(opened())
      .when(escalate('x'.repeat(501)))
      .thenRejects('invalid_input', /500 or fewer/);
  });
});

describe('an escalation on the timeline', () => {
  it('says whom it told, and when by hand, why', () => {
    expect(describeEvent(escalated(30, { audiences: ['senior'] }))).toEqual([
      'Escalated to the senior engineer',
    ]);
    expect(describeEvent(escalated(30))).toEqual([
      'Escalated to the senior engineer and the VP of Engineering',
    ]);
    expect(
      describeEvent(
        escalated(20, { by: DANA, audiences: ['exec'], reason: 'Customer comms call', beyondPolicy: false }),
      ),
    ).toEqual(['Escalated by hand to the VP of Engineering: Customer comms call']);
    expect(
      describeEvent(
        escalated(20, { by: DANA, audiences: ['senior', 'exec'], reason: null, beyondPolicy: true }),
      ),
    ).toEqual([
      'Escalated by hand to the senior engineer and the VP of Engineering (beyond the escalation policy, on request) (no reason given)',
    ]);
  });
});

describe('an escalated incident always gets a postmortem', () => {
  const resolve = (minutes: number) => ({
    type: 'Resolve' as const,
    actor: DANA,
    now: at(minutes),
    summary: 'Restarted the indexer',
    impactEndedAt: null,
    postmortemWanted: false,
  });

  it('a SEV3 that escalated, resolved without asking for one', () => {
    given(opened({ severity: 'SEV3' }), commanderIs(DANA), escalated(30, { audiences: ['senior'] }))
      .when(resolve(40))
      .thenEmits({ type: 'IncidentResolved', postmortemRequired: true });
    given(opened({ severity: 'SEV3' }), commanderIs(DANA))
      .when(resolve(40))
      .thenEmits({ type: 'IncidentResolved', postmortemRequired: false });
  });

  it('even when the escalation came before a reopening', () => {
    const history: IncidentEvent[] = [
      opened({ severity: 'SEV4' }),
      commanderIs(DANA),
      escalated(10, { by: DANA, audiences: ['senior', 'exec'], reason: null, beyondPolicy: true }),
      resolved(20, { postmortemRequired: true }),
      { type: 'IncidentReopened', at: at(30), by: DANA, reason: 'back' },
    ];
    given(...history)
      .when(resolve(50))
      .thenEmits({ type: 'IncidentResolved', postmortemRequired: true });
  });
});
