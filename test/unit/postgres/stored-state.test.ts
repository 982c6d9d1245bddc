import { describe, expect, it } from 'vitest';
import { parseStoredState } from '../../../src/adapters/postgres/state-schema.js';
import type { IncidentState, OpenedIncident } from '../../../src/domain/index.js';
import { histories, statesAlong, throughJson } from './histories.js';
import { keyPaths, leaves, pathName, replaced, truncations, without } from './json-paths.js';

const everyState = Object.values(histories).flatMap((events) => statesAlong(events));

describe('a stored snapshot reads back as the state that was stored', () => {
  it.each(Object.entries(histories))('%s: the state after every event', (_name, events) => {
    for (const [i, state] of statesAlong(events).entries()) {
      expect(parseStoredState(throughJson(state)), `after ${i} events`).toStrictEqual(state);
    }
  });

  it('the histories reach every status and every kind of hold', () => {
    const statuses = new Set(everyState.map((state) => state.status));
    const holds = new Set(everyState.map((state) => (state.status === 'none' ? 'none' : state.hold.state)));
    expect([...statuses].sort()).toEqual(
      ['closed', 'identified', 'investigating', 'monitoring', 'none', 'resolved'].sort(),
    );
    expect([...holds].sort()).toEqual(['active', 'ended', 'lifted', 'none', 'off'].sort());
  });
});

/** The last snapshot of each status the histories reach, as it sits in `jsonb`: the richest ones. */
const samples = Object.entries(
  Object.fromEntries(everyState.filter((s) => s.status !== 'none').map((s) => [s.status, s])),
) as [OpenedIncident['status'], OpenedIncident][];

describe('a damaged snapshot reads as null, not as a wrong state', () => {
  it.each(samples)('%s: any one field missing, at any depth', (_status, state) => {
    // No field of IncidentState is optional, so every deletion is damage.
    const json = throughJson(state);
    for (const path of keyPaths(json)) {
      if (typeof path[path.length - 1] === 'number') continue;
      expect(parseStoredState(without(json, path)), pathName(path)).toBeNull();
    }
  });

  it.each(samples)('%s: any one value of the wrong type', (_status, state) => {
    const json = throughJson(state);
    for (const { path, value } of leaves(json)) {
      // A string where a number belongs and the other way round; no field takes both, or a number
      // where null is allowed.
      const wrong = typeof value === 'string' ? 42 : value === null ? 42 : String(value);
      expect(parseStoredState(replaced(json, path, wrong)), `${pathName(path)} = ${wrong}`).toBeNull();
    }
  });

  it.each(samples)('%s: any object cut short, as by a write that stopped', (_status, state) => {
    for (const cut of truncations(throughJson(state))) expect(parseStoredState(cut)).toBeNull();
  });

  it.each(samples)('%s: a status it does not have', (status, state) => {
    const json = throughJson(state);
    for (const wrong of ['archived', 'Resolved', '', null, 3, 'none'])
      expect(parseStoredState(replaced(json, ['status'], wrong)), String(wrong)).toBeNull();
    // Another real status: refused unless the fields fit it exactly (the three open statuses share
    // one shape, so one of them cannot be told from another).
    const open = ['investigating', 'identified', 'monitoring'];
    for (const other of [...open, 'resolved', 'closed'])
      if (other !== status && !(open.includes(other) && open.includes(status)))
        expect(parseStoredState(replaced(json, ['status'], other)), other).toBeNull();
  });

  it('a resolved incident set back to investigating by hand, its resolution still there', () => {
    const state = samples.find(([status]) => status === 'resolved')![1];
    expect(parseStoredState({ ...(throughJson(state) as object), status: 'investigating' })).toBeNull();
  });

  it('an active hold on a resolved incident', () => {
    const state = samples.find(([status]) => status === 'resolved')![1];
    const json = replaced(throughJson(state), ['hold'], { state: 'active', endsAt: state.openedAt });
    expect(parseStoredState(json)).toBeNull();
  });

  it('instants in any form but the domain’s own', () => {
    const state = samples.find(([status]) => status === 'closed')![1];
    const json = throughJson(state);
    for (const wrong of ['2026-11-22T14:00:00Z', '2026-11-22T15:00:00.000+01:00', '2026-11-22', 'yesterday'])
      expect(parseStoredState(replaced(json, ['openedAt'], wrong)), wrong).toBeNull();
  });

  it('a follow-up due date that is not a date, or a rank out of range', () => {
    const state = samples.find(([status]) => status === 'closed')![1];
    const json = throughJson(state);
    for (const due of ['2026-13-01', '1 December', '2026-12-1'])
      expect(parseStoredState(replaced(json, ['followUps', 0, 'due'], due)), due).toBeNull();
    expect(parseStoredState(replaced(json, ['followUps', 0, 'rank'], 4))).toBeNull();
    expect(parseStoredState(replaced(json, ['updates', 'count'], 1.5))).toBeNull();
    expect(parseStoredState(replaced(json, ['updates', 'count'], -1))).toBeNull();
  });

  it('no snapshot at all, or not an object', () => {
    for (const json of [undefined, null, '', '{"status":"none"}', 42, [], {}])
      expect(parseStoredState(json), JSON.stringify(json)).toBeNull();
  });

  it('"none" carrying anything: an opened incident whose status was damaged', () => {
    const state = samples.find(([status]) => status === 'closed')![1];
    expect(parseStoredState({ ...(throughJson(state) as object), status: 'none' })).toBeNull();
    expect(parseStoredState({ status: 'none', number: 42 })).toBeNull();
    expect(parseStoredState({ status: 'none' })).toStrictEqual({ status: 'none' } satisfies IncidentState);
  });
});

describe('a snapshot from a newer build', () => {
  it('reads without the fields this build does not know, at any depth', () => {
    const state = samples.find(([status]) => status === 'closed')![1];
    const json = throughJson(state) as Record<string, unknown>;
    const newer = replaced({ ...json, archivedAt: state.openedAt }, ['followUps', 0, 'jiraKey'], 'INC-1');
    const withHold = replaced(newer, ['resolution', 'rootCause'], 'deploy');
    expect(parseStoredState(withHold)).toStrictEqual(state);
  });
});
