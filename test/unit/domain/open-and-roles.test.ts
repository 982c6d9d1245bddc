import { describe, expect, it } from 'vitest';
import { ALEX, at, commanderIs, DANA, given, opened, REPORTER, T0 } from './spec.js';

const open = {
  type: 'OpenIncident' as const,
  actor: REPORTER,
  now: T0,
  number: 7,
  title: '  Checkout errors spiking ',
  service: 'checkout',
  severity: null,
  private: false,
  drill: false,
  diagnosisHold: 600_000,
};

describe('opening an incident', () => {
  it('records the opening with severity pending and the hold end', () => {
    given()
      .when(open)
      .thenEmits({
        type: 'IncidentOpened',
        number: 7,
        title: 'Checkout errors spiking',
        severity: 'pending',
        reporter: REPORTER,
        holdEndsAt: at(10),
      });
  });

  it('sets the severity from triage answers when given', () => {
    given()
      .when({
        ...open,
        triage: {
          customerImpact: 'most',
          criticalPathDown: true,
          dataAtRisk: false,
          workaroundExists: false,
        },
      })
      .thenEmits({ type: 'IncidentOpened', severity: 'SEV1' });
  });

  it('has no hold when the hold is configured off', () => {
    const when = given().when({ ...open, diagnosisHold: 0 });
    when.thenEmits({ holdEndsAt: null });
    expect(when.stateAfter()).toMatchObject({ status: 'investigating', hold: { state: 'off' } });
  });

  it('keeps an empty service as none', () => {
    given()
      .when({ ...open, service: '  ' })
      .thenEmits({ service: null });
  });

  it('needs a title', () => {
    given()
      .when({ ...open, title: '   ' })
      .thenRejects('invalid_input', /title/);
  });

  it('refuses a title too long to read', () => {
    given()
      .when({ ...open, title: 'x'.repeat(151) })
      .thenRejects('invalid_input', /151 characters/);
  });

  it('happens once per incident', () => {
    given(opened())
      .when(open)
      .thenRejects('already_open', /INC-42/);
  });

  it('refuses any other command before the incident exists', () => {
    given().when({ type: 'AddNote', actor: REPORTER, now: T0, text: 'hi' }).thenRejects('not_open');
  });
});

describe('roles', () => {
  it('lets someone take a free role, and records who named the commander first', () => {
    const when = given(opened()).when({ type: 'TakeRole', actor: DANA, now: at(2), role: 'commander' });
    when.thenEmits({ type: 'RoleAssigned', role: 'commander', userId: DANA, previous: null, via: 'took' });
    expect(when.stateAfter()).toMatchObject({
      roles: { commander: DANA },
      commanderFirstNamedAt: at(2),
      participants: [REPORTER, DANA],
    });
  });

  it('tells a second taker who already holds the role', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'TakeRole', actor: ALEX, now: at(2), role: 'commander' })
      .thenRejects('role_taken', /<@U0DANA> is already commander/);
  });

  it('changes nothing when the holder takes their own role again', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'TakeRole', actor: DANA, now: at(2), role: 'commander' })
      .thenNothing();
  });

  it('lets one person hold two roles', () => {
    const state = given(opened(), commanderIs(DANA))
      .when({ type: 'TakeRole', actor: DANA, now: at(2), role: 'scribe' })
      .stateAfter();
    expect(state).toMatchObject({ roles: { commander: DANA, scribe: DANA } });
  });

  it('lets anyone assign a free role', () => {
    given(opened())
      .when({ type: 'AssignRole', actor: REPORTER, now: at(3), role: 'commander', assignee: ALEX })
      .thenEmits({ type: 'RoleAssigned', userId: ALEX, previous: null, via: 'assigned' });
  });

  it('lets the commander reassign a held role, keeping the previous holder on record', () => {
    const scribe = {
      type: 'RoleAssigned',
      at: at(2),
      by: REPORTER,
      role: 'scribe',
      userId: REPORTER,
      previous: null,
      via: 'took',
    } as const;
    given(opened(), commanderIs(DANA), scribe)
      .when({ type: 'AssignRole', actor: DANA, now: at(3), role: 'scribe', assignee: ALEX })
      .thenEmits({ type: 'RoleAssigned', userId: ALEX, previous: REPORTER, via: 'assigned' });
  });

  it('refuses to move a held role for anyone but its holder or the commander', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'AssignRole', actor: REPORTER, now: at(3), role: 'commander', assignee: REPORTER })
      .thenRejects('not_permitted', /<@U0DANA> holds commander; only they can give it/);
  });

  it('refuses an assignee that is not a Slack user', () => {
    given(opened())
      .when({ type: 'AssignRole', actor: REPORTER, now: at(3), role: 'scribe', assignee: '<!channel>' })
      .thenRejects('invalid_input', /people picker/);
  });

  it('lets only the people working a private incident bring someone new in', () => {
    const secret = opened({ private: true });
    given(secret)
      .when({ type: 'AssignRole', actor: 'U0STRANGER', now: at(3), role: 'scribe', assignee: 'U0OUTSIDER' })
      .thenRejects('not_permitted', /private incident/);
    given(secret)
      .when({ type: 'AssignRole', actor: REPORTER, now: at(3), role: 'scribe', assignee: 'U0OUTSIDER' })
      .thenEmits({ type: 'RoleAssigned', userId: 'U0OUTSIDER' });
  });

  it('records an assignment by the holder as a hand-off', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'AssignRole', actor: DANA, now: at(3), role: 'commander', assignee: ALEX })
      .thenEmits({ type: 'RoleAssigned', userId: ALEX, previous: DANA, via: 'handed_off' });
  });

  it('changes nothing when assigning a role to its holder', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'AssignRole', actor: REPORTER, now: at(3), role: 'commander', assignee: DANA })
      .thenNothing();
  });

  it('hands off a role from its holder', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'HandOffRole', actor: DANA, now: at(3), role: 'commander', to: ALEX })
      .thenEmits({ type: 'RoleAssigned', userId: ALEX, previous: DANA, via: 'handed_off' });
  });

  it('refuses a hand-off by someone who does not hold the role', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'HandOffRole', actor: ALEX, now: at(3), role: 'commander', to: ALEX })
      .thenRejects('role_not_held', /Only <@U0DANA>/);
    given(opened())
      .when({ type: 'HandOffRole', actor: ALEX, now: at(3), role: 'scribe', to: DANA })
      .thenRejects('role_not_held', /Nobody is scribe/);
  });

  it('changes nothing when handing off to oneself', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'HandOffRole', actor: DANA, now: at(3), role: 'commander', to: DANA })
      .thenNothing();
  });

  it('releases a role held by the actor', () => {
    const when = given(opened(), commanderIs(DANA)).when({
      type: 'ReleaseRole',
      actor: DANA,
      now: at(3),
      role: 'commander',
    });
    when.thenEmits({ type: 'RoleReleased', role: 'commander', userId: DANA });
    expect(when.stateAfter()).toMatchObject({ roles: { commander: null }, commanderFirstNamedAt: at(1) });
  });

  it('refuses to release a role one does not hold', () => {
    given(opened(), commanderIs(DANA))
      .when({ type: 'ReleaseRole', actor: ALEX, now: at(3), role: 'commander' })
      .thenRejects('not_permitted', /only they can give it/);
    given(opened())
      .when({ type: 'ReleaseRole', actor: ALEX, now: at(3), role: 'scribe' })
      .thenRejects('role_not_held', /nothing to release/);
  });
});
