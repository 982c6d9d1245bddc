import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../src/domain/index.js';
import { ALEX, at, DANA, given, opened, resolved, statusChanged } from './spec.js';

describe('decisions, notes and captured messages', () => {
  const decision = {
    type: 'RecordDecision' as const,
    actor: DANA,
    now: at(12),
    decisionId: 'd1',
    what: 'Roll back',
    why: 'Errors began with the deploy',
    wouldChangeOurMind: 'Errors continuing after rollback',
  };

  it('records a decision as what, why and what would change our mind', () => {
    given(opened()).when(decision).thenEmits({
      type: 'DecisionRecorded',
      what: 'Roll back',
      why: 'Errors began with the deploy',
      wouldChangeOurMind: 'Errors continuing after rollback',
    });
  });

  it('needs all three parts of a decision', () => {
    given(opened())
      .when({ ...decision, what: '' })
      .thenRejects('invalid_input', /what was decided/);
    given(opened())
      .when({ ...decision, why: '' })
      .thenRejects('invalid_input', /why/);
    given(opened())
      .when({ ...decision, wouldChangeOurMind: '' })
      .thenRejects('invalid_input', /change our mind/);
  });

  it('records a decision once per id, and not after resolution', () => {
    const recorded: IncidentEvent = {
      type: 'DecisionRecorded',
      at: at(12),
      by: DANA,
      decisionId: 'd1',
      what: 'a',
      why: 'b',
      wouldChangeOurMind: 'c',
    };
    given(opened(), recorded).when(decision).thenNothing();
    given(opened(), resolved()).when(decision).thenRejects('wrong_status');
  });

  it('adds notes at any stage, but not empty ones', () => {
    given(opened())
      .when({ type: 'AddNote', actor: ALEX, now: at(3), text: 'Grafana shows p99 at 4s' })
      .thenEmits({ type: 'NoteAdded', text: 'Grafana shows p99 at 4s' });
    given(opened(), resolved())
      .when({ type: 'AddNote', actor: ALEX, now: at(50), text: 'late fact' })
      .thenEmits({ type: 'NoteAdded' });
    given(opened())
      .when({ type: 'AddNote', actor: ALEX, now: at(3), text: '  ' })
      .thenRejects('invalid_input');
    given(opened())
      .when({ type: 'AddNote', actor: ALEX, now: at(3), text: 'x'.repeat(3001) })
      .thenRejects('invalid_input', /3001 characters/);
  });

  const capture = {
    type: 'CaptureMessage' as const,
    actor: DANA,
    now: at(20),
    channel: 'C1',
    ts: '1.0001',
    author: ALEX,
    text: 'Error rate dropped',
    postedAt: at(15),
  };

  it('captures a message with its original author and time; the same message twice is one entry', () => {
    const when = given(opened()).when(capture);
    when.thenEmits({ type: 'MessageCaptured', author: ALEX, postedAt: at(15), at: at(20) });
    const captured = when.decision.ok ? when.decision.events : [];
    given(opened(), ...captured)
      .when({ ...capture, actor: ALEX, now: at(25) })
      .thenNothing();
    given(opened(), ...captured)
      .when({ ...capture, ts: '1.0002' })
      .thenEmits({ type: 'MessageCaptured', ts: '1.0002' });
  });
});

describe('status', () => {
  it('moves between the open statuses', () => {
    given(opened())
      .when({ type: 'ChangeStatus', actor: DANA, now: at(15), status: 'identified', note: ' deploy ' })
      .thenEmits({ type: 'StatusChanged', from: 'investigating', to: 'identified', note: 'deploy' });
    const identified = statusChanged(15, 'identified');
    const when = given(opened(), identified).when({
      type: 'ChangeStatus',
      actor: DANA,
      now: at(20),
      status: 'monitoring',
      note: null,
    });
    when.thenEmits({ from: 'identified', to: 'monitoring' });
    expect(when.stateAfter()).toMatchObject({ status: 'monitoring' });
  });

  it('changes nothing when already there, and is refused once resolved', () => {
    given(opened())
      .when({ type: 'ChangeStatus', actor: DANA, now: at(15), status: 'investigating', note: null })
      .thenNothing();
    given(opened(), resolved())
      .when({ type: 'ChangeStatus', actor: DANA, now: at(50), status: 'monitoring', note: null })
      .thenRejects('wrong_status', /resolved/);
  });
});

describe('stakeholder updates', () => {
  const post = {
    type: 'PostStakeholderUpdate' as const,
    actor: DANA,
    now: at(20),
    text: 'Checkout is failing for some customers.',
    nextUpdateBy: at(50),
    expectedResolution: null,
  };

  it('are posted with the next update time, resetting the update clock', () => {
    const when = given(opened()).when(post);
    when.thenEmits({ type: 'StakeholderUpdatePosted', nextUpdateBy: at(50) });
    expect(when.stateAfter()).toMatchObject({
      updates: { lastPostedAt: at(20), nextUpdateBy: at(50), count: 1 },
    });
  });

  it('keep a resolution time only when the commander gives one', () => {
    given(opened())
      .when({ ...post, expectedResolution: ' by 16:00 UTC ' })
      .thenEmits({ expectedResolution: 'by 16:00 UTC' });
    given(opened())
      .when({ ...post, expectedResolution: '' })
      .thenEmits({ expectedResolution: null });
  });

  it('record a channel chosen for them, and only when one was', () => {
    const chosen = given(opened()).when({ ...post, alsoPostTo: 'C0SECURITY' });
    chosen.thenEmits({ type: 'StakeholderUpdatePosted', alsoPostedTo: 'C0SECURITY' });
    const plain = given(opened()).when(post);
    expect(plain.decision.ok && plain.decision.events[0]).not.toHaveProperty('alsoPostedTo');
  });

  it('need text and a next-update time still ahead', () => {
    given(opened())
      .when({ ...post, text: '' })
      .thenRejects('invalid_input');
    given(opened())
      .when({ ...post, nextUpdateBy: at(10) })
      .thenRejects('invalid_input', /in the past/);
  });

  it('are allowed after resolution, but not once closed', () => {
    given(opened(), resolved())
      .when({ ...post, now: at(50), nextUpdateBy: null })
      .thenEmits({ type: 'StakeholderUpdatePosted' });
  });

  it('nudges are snoozed for 15, 30 or 60 minutes while the incident is open', () => {
    given(opened())
      .when({ type: 'SnoozeUpdateNudge', actor: DANA, now: at(60), minutes: 30 })
      .thenEmits({ type: 'UpdateNudgeSnoozed', until: at(90) });
    given(opened())
      .when({ type: 'SnoozeUpdateNudge', actor: DANA, now: at(60), minutes: 45 as 30 })
      .thenRejects('invalid_input');
    given(opened(), resolved())
      .when({ type: 'SnoozeUpdateNudge', actor: DANA, now: at(60), minutes: 15 })
      .thenRejects('wrong_status');
  });
});
