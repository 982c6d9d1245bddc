import { describe, expect, it } from 'vitest';
import {
  type FollowUpInput,
  type IncidentEvent,
  permits,
  postmortemRequired,
} from '../../../src/domain/index.js';
import { ALEX, at, commanderIs, DANA, given, opened, REPORTER, resolved } from './spec.js';

const resolve = {
  type: 'Resolve' as const,
  actor: DANA,
  now: at(40),
  summary: 'Rolled back the deploy.',
  impactEndedAt: at(35),
  postmortemWanted: false,
};

describe('resolving', () => {
  it('needs a summary', () => {
    given(opened(), commanderIs(DANA))
      .when({ ...resolve, summary: ' ' })
      .thenRejects('invalid_input', /resolution summary/);
  });

  it('records the summary, the end of impact, and whether a postmortem is due', () => {
    const when = given(opened(), commanderIs(DANA)).when(resolve);
    when.thenEmits({
      type: 'IncidentResolved',
      summary: 'Rolled back the deploy.',
      impactEndedAt: at(35),
      postmortemRequired: true,
      asCommander: true,
    });
    expect(when.stateAfter()).toMatchObject({
      status: 'resolved',
      resolution: { at: at(40), by: DANA },
      hold: { state: 'ended' },
    });
  });

  it('posts the final update with the resolution, in the same step, or none when left empty', () => {
    const final = 'Resolved: checkout works again. This is our final update on this incident.';
    const when = given(opened(), commanderIs(DANA)).when({ ...resolve, finalUpdate: `  ${final}\n` });
    when.thenEmits(
      { type: 'IncidentResolved', at: at(40), by: DANA },
      { type: 'StakeholderUpdatePosted', at: at(40), by: DANA, text: final, nextUpdateBy: null },
    );
    expect(when.stateAfter()).toMatchObject({
      status: 'resolved',
      updates: { count: 1, lastPostedAt: at(40) },
    });
    given(opened(), commanderIs(DANA))
      .when({ ...resolve, finalUpdate: '   ' })
      .thenEmits({ type: 'IncidentResolved' });
    given(opened(), commanderIs(DANA))
      .when({ ...resolve, finalUpdate: 'x'.repeat(2_501) })
      .thenRejects('invalid_input', /final update is 2501 characters/);
  });

  it('asks a postmortem of SEV1 and SEV2 always, of others when wanted', () => {
    expect([
      postmortemRequired('SEV1', false),
      postmortemRequired('SEV2', false),
      postmortemRequired('SEV3', false),
      postmortemRequired('SEV4', true),
      postmortemRequired('pending', false),
    ]).toEqual([true, true, false, true, false]);
  });

  it('is the commander’s call', () => {
    given(opened(), commanderIs(DANA))
      .when({ ...resolve, actor: ALEX })
      .thenRejects('not_permitted', /resolve the incident/);
    expect(permits(given(opened(), commanderIs(DANA)).state, ALEX, 'resolve')).toBe(false);
    expect(permits(given(opened()).state, ALEX, 'resolve')).toBe(true);
    expect(permits(given().state, ALEX, 'resolve')).toBe(false);
  });

  it('refuses an impact end outside the incident', () => {
    given(opened())
      .when({ ...resolve, impactEndedAt: at(-5) })
      .thenRejects('invalid_input', /between the opening and now/);
    given(opened())
      .when({ ...resolve, impactEndedAt: at(45) })
      .thenRejects('invalid_input');
  });

  it('happens only from an open status', () => {
    given(opened(), resolved())
      .when(resolve)
      .thenRejects('wrong_status', /resolved/);
  });

  it('is undone by a reopen with a reason, which re-arms escalation', () => {
    const escalated: IncidentEvent = {
      type: 'IncidentEscalated',
      at: at(30),
      by: 'system',
      openForMs: 30 * 60_000,
    };
    const when = given(opened(), escalated, resolved()).when({
      type: 'Reopen',
      actor: ALEX,
      now: at(60),
      reason: 'Errors are back',
    });
    when.thenEmits({ type: 'IncidentReopened', reason: 'Errors are back' });
    expect(when.stateAfter()).toMatchObject({
      status: 'investigating',
      escalatedAt: null,
      escalationArmedAt: at(60),
    });
    given(opened(), resolved())
      .when({ type: 'Reopen', actor: ALEX, now: at(60), reason: '' })
      .thenRejects('invalid_input');
    given(opened())
      .when({ type: 'Reopen', actor: ALEX, now: at(60), reason: 'x' })
      .thenRejects('wrong_status', /still open/);
  });
});

const followUps = (overrides: Partial<FollowUpInput>[] = [{}, {}, {}]): FollowUpInput[] =>
  overrides.map((o, i) => ({
    id: `f${i + 1}`,
    title: `Follow-up ${i + 1}`,
    owner: ALEX,
    due: '2026-12-01',
    rank: (i + 1) as 1 | 2 | 3,
    control: false,
    ...o,
  }));
const answers = {
  whatHappened: 'A deploy broke payments',
  whyNotDetectedSooner: 'No alert on payment errors',
  whyResponseTookSoLong: 'Rollback was manual',
  whatWeChange: 'Automate rollback',
};
const record = (
  overrides: Partial<{ followUps: FollowUpInput[]; requireControl: boolean; actor: string }> = {},
) => ({
  type: 'RecordPostmortem' as const,
  actor: DANA,
  now: at(2000),
  answers,
  followUps: followUps(),
  requireControl: false,
  ...overrides,
});

describe('the postmortem', () => {
  it('is recorded with the four answers and exactly three follow-ups, and closes the incident', () => {
    const when = given(opened(), commanderIs(DANA), resolved()).when(record());
    when.thenEmits({ type: 'PostmortemRecorded', answers, asCommander: true });
    expect(when.stateAfter()).toMatchObject({
      status: 'closed',
      followUps: [{ id: 'f1', status: 'open' }, { id: 'f2' }, { id: 'f3' }],
    });
  });

  it('refuses two or four follow-ups with the reason', () => {
    given(opened(), resolved())
      .when(record({ followUps: followUps([{}, {}]) }))
      .thenRejects('follow_ups_invalid', /exactly three.*you gave 2/);
    given(opened(), resolved())
      .when(record({ followUps: [...followUps(), ...followUps([{ id: 'f4' }])] }))
      .thenRejects('follow_ups_invalid', /you gave 4. Keep the three/);
  });

  it('refuses follow-ups without titles, with bad dates, or with ranks used twice', () => {
    given(opened(), resolved())
      .when(record({ followUps: followUps([{ title: ' ' }, {}, {}]) }))
      .thenRejects('follow_ups_invalid', /title/);
    given(opened(), resolved())
      .when(record({ followUps: followUps([{ due: 'next week' }, {}, {}]) }))
      .thenRejects('follow_ups_invalid', /due date/);
    given(opened(), resolved())
      .when(record({ followUps: followUps([{ rank: 2 }, {}, {}]) }))
      .thenRejects('follow_ups_invalid', /each rank once/);
    given(opened(), resolved())
      .when(record({ followUps: followUps([{ id: 'x' }, { id: 'x' }, {}]) }))
      .thenRejects('follow_ups_invalid', /share an id/);
  });

  it('asks for a control when the service broke before', () => {
    given(opened(), resolved())
      .when(record({ requireControl: true }))
      .thenRejects('follow_ups_invalid', /control/);
    given(opened(), resolved())
      .when(record({ requireControl: true, followUps: followUps([{}, { control: true }, {}]) }))
      .thenEmits({ type: 'PostmortemRecorded' });
  });

  it('needs every agenda answer', () => {
    given(opened(), resolved())
      .when({ ...record(), answers: { ...answers, whyNotDetectedSooner: '' } })
      .thenRejects('invalid_input', /detection/);
  });

  it('is the commander’s to record, and only once, after resolution', () => {
    given(opened(), commanderIs(DANA), resolved())
      .when(record({ actor: REPORTER }))
      .thenRejects('not_permitted');
    given(opened())
      .when(record())
      .thenRejects('wrong_status', /resolve it first/);
    const recorded = given(opened(), resolved()).when(record()).decision;
    const events = recorded.ok ? recorded.events : [];
    given(opened(), resolved(), ...events)
      .when(record())
      .thenRejects('wrong_status', /already recorded/);
    given(opened(), resolved(), ...events)
      .when({ type: 'Reopen', actor: ALEX, now: at(3000), reason: 'x' })
      .thenRejects('wrong_status', /open a new incident/);
    given(opened(), resolved(), ...events)
      .when({
        type: 'PostStakeholderUpdate',
        actor: ALEX,
        now: at(3000),
        text: 'x',
        nextUpdateBy: null,
        expectedResolution: null,
      })
      .thenRejects('wrong_status', /closed/);
    given(opened(), resolved(), ...events)
      .when({ type: 'AddNote', actor: ALEX, now: at(3000), text: 'noted' })
      .thenEmits({ type: 'NoteAdded' });
  });
});

describe('follow-ups', () => {
  const closed = (): IncidentEvent[] => {
    const decision = given(opened(), resolved()).when(record()).decision;
    return [opened(), resolved(), ...(decision.ok ? decision.events : [])];
  };

  it('are marked done once', () => {
    const when = given(...closed()).when({
      type: 'CompleteFollowUp',
      actor: ALEX,
      now: at(3000),
      followUpId: 'f1',
    });
    when.thenEmits({ type: 'FollowUpCompleted', followUpId: 'f1' });
    expect(when.stateAfter()).toMatchObject({
      followUps: [{ id: 'f1', status: 'done', closedAt: at(3000) }, { status: 'open' }, { status: 'open' }],
    });
    const done = when.decision.ok ? when.decision.events : [];
    given(...closed(), ...done)
      .when({ type: 'CompleteFollowUp', actor: ALEX, now: at(3001), followUpId: 'f1' })
      .thenNothing();
    given(...closed(), ...done)
      .when({ type: 'DropFollowUp', actor: ALEX, now: at(3001), followUpId: 'f1', reason: 'x' })
      .thenRejects('invalid_transition', /already done/);
  });

  it('are dropped with a reason', () => {
    given(...closed())
      .when({ type: 'DropFollowUp', actor: ALEX, now: at(3000), followUpId: 'f2', reason: '' })
      .thenRejects('invalid_input');
    const when = given(...closed()).when({
      type: 'DropFollowUp',
      actor: ALEX,
      now: at(3000),
      followUpId: 'f2',
      reason: 'Superseded by f1',
    });
    when.thenEmits({ type: 'FollowUpDropped', reason: 'Superseded by f1' });
    const dropped = when.decision.ok ? when.decision.events : [];
    given(...closed(), ...dropped)
      .when({ type: 'DropFollowUp', actor: ALEX, now: at(3001), followUpId: 'f2', reason: 'x' })
      .thenNothing();
    given(...closed(), ...dropped)
      .when({ type: 'CompleteFollowUp', actor: ALEX, now: at(3001), followUpId: 'f2' })
      .thenRejects('invalid_transition', /dropped/);
  });

  it('exist only once the postmortem is recorded', () => {
    given(opened(), resolved())
      .when({ type: 'CompleteFollowUp', actor: ALEX, now: at(3000), followUpId: 'f1' })
      .thenRejects('wrong_status');
    given(...closed())
      .when({ type: 'CompleteFollowUp', actor: ALEX, now: at(3000), followUpId: 'nope' })
      .thenRejects('unknown_follow_up');
  });
});
