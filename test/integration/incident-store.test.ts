import { beforeAll, describe, expect, it } from 'vitest';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import type { CommandCore, OpenRequest } from '../../src/app/commands/command-core.js';
import type { IncidentStore } from '../../src/app/ports/incident-store.js';
import { openCommand as baseOpen, commandCoreOn } from '../support/command-core.js';
import { useTestDatabase } from '../support/test-database.js';

const NOW = '2026-11-22T14:00:00.000Z';
const openCommand = (title: string) => baseOpen(title, { now: NOW, diagnosisHold: 600_000 });

/** The store through the command core; what any store must do on its own is in test/contract. */
describe('the PostgreSQL incident store', () => {
  const testDb = useTestDatabase();
  let store: IncidentStore;
  const committed: string[] = [];
  let core: CommandCore;
  const open = (request: OpenRequest) => core.open(request);
  const openIn = (teamId: string, title: string) => open({ teamId, command: openCommand(title) });

  beforeAll(() => {
    store = createIncidentStore(testDb.db);
    core = commandCoreOn(testDb.db, (id) => void committed.push(id));
  });

  it('numbers incidents per team, never reusing a number, and a refused open consumes none', async () => {
    const first = await openIn('TA', 'First');
    const refused = await openIn('TA', '   ');
    const second = await openIn('TA', 'Second');
    const elsewhere = await openIn('TB', 'Other team');
    expect(refused).toMatchObject({ ok: false, rejection: { code: 'invalid_input' } });
    expect([first, second, elsewhere].map((o) => (o.ok ? o.incident.number : null))).toEqual([1, 2, 1]);
  });

  it('allocates distinct numbers to incidents opened at the same moment', async () => {
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => openIn('TC', `Burst ${i}`)));
    const numbers = outcomes.map((o) => (o.ok ? o.incident.number : 0)).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('stores the events, the snapshot and the outbox effects of an open in one transaction', async () => {
    const outcome = await open({
      teamId: 'TD',
      effects: [{ kind: 'reporter.confirm', responseUrl: 'https://hooks.example/r' }],
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
      'channel.purpose',
      'header.render',
      'announcement.render',
      'reporter.confirm',
    ]);
    expect(committed).toContain(id);
  });

  it('decides concurrent commands on one incident one after the other: exactly one person takes a role', async () => {
    const opened = await openIn('TE', 'Race');
    if (!opened.ok) throw new Error('open refused');
    const take = (actor: string) =>
      core.run({
        incidentId: opened.incident.id,
        origin: null,
        command: { type: 'TakeRole', actor, now: NOW, role: 'commander' },
      });
    const outcomes = await Promise.all(['U0A1', 'U0A2', 'U0A3', 'U0A4'].map(take));
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
});
