import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { handleCommand } from '../../src/app/handle-command.js';
import { openIncident } from '../../src/app/open-incident.js';
import { systemClock } from '../../src/app/ports/clock.js';
import type { IncidentStore } from '../../src/app/ports/incident-store.js';
import { openTestDatabase } from '../support/test-database.js';

const NOW = '2026-11-22T14:00:00.000Z';
const openCommand = (title: string, actor = 'U0REPORTER') => ({
  type: 'OpenIncident' as const,
  actor,
  now: NOW,
  title,
  service: null,
  severity: null,
  private: false,
  drill: false,
  diagnosisHold: 600_000,
});

describe('the PostgreSQL incident store', () => {
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let store: IncidentStore;
  const committed: string[] = [];
  const deps = () => ({ store, newId: randomUUID, afterCommit: (id: string) => void committed.push(id) });

  beforeAll(async () => {
    testDb = await openTestDatabase();
    store = createIncidentStore(testDb.db, systemClock);
  });
  afterAll(async () => {
    await testDb.close();
  });

  it('numbers incidents per team, never reusing a number, and a refused open consumes none', async () => {
    const first = await openIncident(deps(), {
      teamId: 'TA',
      responseUrl: null,
      command: openCommand('First'),
    });
    const refused = await openIncident(deps(), {
      teamId: 'TA',
      responseUrl: null,
      command: openCommand('   '),
    });
    const second = await openIncident(deps(), {
      teamId: 'TA',
      responseUrl: null,
      command: openCommand('Second'),
    });
    const elsewhere = await openIncident(deps(), {
      teamId: 'TB',
      responseUrl: null,
      command: openCommand('Other team'),
    });
    expect(refused).toMatchObject({ ok: false, rejection: { code: 'invalid_input' } });
    expect([first, second, elsewhere].map((o) => (o.ok ? o.incident.number : null))).toEqual([1, 2, 1]);
  });

  it('allocates distinct numbers to incidents opened at the same moment', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        openIncident(deps(), { teamId: 'TC', responseUrl: null, command: openCommand(`Burst ${i}`) }),
      ),
    );
    const numbers = outcomes.map((o) => (o.ok ? o.incident.number : 0)).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('stores the events, the snapshot and the outbox effects of an open in one transaction', async () => {
    const outcome = await openIncident(deps(), {
      teamId: 'TD',
      responseUrl: 'https://hooks.example/r',
      command: openCommand('Stored'),
    });
    if (!outcome.ok) throw new Error('open refused');
    const id = outcome.incident.id;
    const incident = await store.findById(id);
    expect(incident).toMatchObject({
      teamId: 'TD',
      number: 1,
      version: 1,
      state: { status: 'investigating', title: 'Stored' },
    });
    expect((await store.events(id)).map((e) => e.event.type)).toEqual(['IncidentOpened']);
    const effects = await testDb.db
      .selectFrom('outbox')
      .select(['kind'])
      .where('incident_id', '=', id)
      .orderBy('id')
      .execute();
    expect(effects.map((e) => e.kind)).toEqual([
      'channel.create',
      'channel.invite',
      'header.render',
      'announcement.render',
      'reporter.confirm',
    ]);
    expect(committed).toContain(id);
  });

  it('decides concurrent commands on one incident one after the other: exactly one person takes a role', async () => {
    const opened = await openIncident(deps(), {
      teamId: 'TE',
      responseUrl: null,
      command: openCommand('Race'),
    });
    if (!opened.ok) throw new Error('open refused');
    const take = (actor: string) =>
      handleCommand(deps(), opened.incident.id, { type: 'TakeRole', actor, now: NOW, role: 'commander' });
    const outcomes = await Promise.all(['U01', 'U02', 'U03', 'U04'].map(take));
    const winners = outcomes.filter((o) => o.ok && o.events.length === 1);
    const losers = outcomes.filter((o) => !o.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(3);
    for (const loser of losers) expect(loser).toMatchObject({ ok: false, rejection: { code: 'role_taken' } });
    const events = await store.events(opened.incident.id);
    expect(events.map((e) => [e.seq, e.event.type])).toEqual([
      [1, 'IncidentOpened'],
      [2, 'RoleAssigned'],
    ]);
    expect((await store.findById(opened.incident.id))?.version).toBe(2);
  });

  it('refuses an append against a stale version', async () => {
    const opened = await openIncident(deps(), {
      teamId: 'TF',
      responseUrl: null,
      command: openCommand('Stale'),
    });
    if (!opened.ok) throw new Error('open refused');
    const { incident } = opened;
    const event = { type: 'RoleReleased' as const, at: NOW, by: 'U1', role: 'scribe' as const, userId: 'U1' };
    await expect(
      store.transaction((tx) => tx.appendEvents(incident, 0, [event], incident.state)),
    ).rejects.toThrow();
    expect((await store.events(incident.id)).length).toBe(1);
  });

  it('finds an incident by its channel once the channel is recorded, first writer wins', async () => {
    const opened = await openIncident(deps(), {
      teamId: 'TG',
      responseUrl: null,
      command: openCommand('Channel'),
    });
    if (!opened.ok) throw new Error('open refused');
    const first = await store.recordChannel(opened.incident.id, { id: 'C0FIRST', name: 'inc-1-channel' });
    const second = await store.recordChannel(opened.incident.id, { id: 'C0SECOND', name: 'inc-1-channel-2' });
    expect(first).toEqual({ id: 'C0FIRST', name: 'inc-1-channel' });
    expect(second).toEqual(first);
    expect((await store.findByChannel('TG', 'C0FIRST'))?.id).toBe(opened.incident.id);
    expect(await store.findByChannel('TX', 'C0FIRST')).toBeNull();
  });
});
