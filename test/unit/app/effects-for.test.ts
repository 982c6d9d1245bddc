import { describe, expect, it } from 'vitest';
import { effectsFor } from '../../../src/app/effects-for.js';
import type { IncidentEvent } from '../../../src/domain/index.js';
import { ALEX, at, commanderIs, DANA, statusChanged } from '../../support/incident-events.js';

const kinds = (events: IncidentEvent[]) => effectsFor(events, false).map((e) => e.kind);

describe('the effects of visible changes', () => {
  it('a new commander: invited, a notice in the channel, and a briefing for them', () => {
    expect(effectsFor([commanderIs(DANA)], false)).toEqual([
      { kind: 'channel.invite', users: [DANA] },
      { kind: 'change.notice', change: commanderIs(DANA) },
      { kind: 'commander.brief', commander: DANA, by: DANA, via: 'took', at: at(1) },
      { kind: 'header.render' },
    ]);
  });

  it('another role changing hands: a notice, no briefing', () => {
    const handOff: IncidentEvent = {
      type: 'RoleAssigned',
      at: at(3),
      by: DANA,
      role: 'scribe',
      userId: ALEX,
      previous: DANA,
      via: 'handed_off',
    };
    expect(kinds([handOff])).toEqual(['channel.invite', 'change.notice', 'header.render']);
    expect(kinds([{ type: 'RoleReleased', at: at(4), by: ALEX, role: 'scribe', userId: ALEX }])).toEqual([
      'change.notice',
      'header.render',
    ]);
  });

  it('a new stage: a notice and the prompt to post an update for it, and the announcement', () => {
    expect(effectsFor([statusChanged(20, 'identified')], false)).toEqual([
      { kind: 'change.notice', change: statusChanged(20, 'identified') },
      { kind: 'stage.prompt', from: 'investigating', to: 'identified', at: at(20) },
      { kind: 'header.render' },
      { kind: 'announcement.render' },
    ]);
  });

  it('the severity and the service: a notice, and the announcement unless private', () => {
    const severity: IncidentEvent = {
      type: 'SeverityChanged',
      at: at(5),
      by: DANA,
      from: 'SEV3',
      to: 'SEV1',
      reason: 'All regions',
      triage: null,
      asCommander: true,
    };
    const service: IncidentEvent = {
      type: 'ServiceSet',
      at: at(6),
      by: DANA,
      from: null,
      to: 'checkout',
      asCommander: true,
    };
    expect(kinds([severity])).toEqual(['change.notice', 'header.render', 'announcement.render']);
    expect(effectsFor([service], true).map((e) => e.kind)).toEqual(['change.notice', 'header.render']);
  });

  it('reopened: a notice, and stakeholders, told it was resolved, are to hear it is back', () => {
    const reopened: IncidentEvent = { type: 'IncidentReopened', at: at(50), by: DANA, reason: 'Back' };
    expect(effectsFor([reopened], false)).toEqual([
      { kind: 'change.notice', change: reopened },
      { kind: 'stage.prompt', from: 'resolved', to: 'investigating', at: at(50) },
      { kind: 'header.render' },
      { kind: 'announcement.render' },
    ]);
  });

  it('nobody took command: the nudge in the channel', () => {
    expect(kinds([{ type: 'CommanderNudged', at: at(5), by: 'system' }])).toEqual([
      'commander.nudge',
      'header.render',
    ]);
  });
});
