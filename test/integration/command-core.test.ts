import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { type CommandCore, createCommandCore } from '../../src/app/commands/command-core.js';
import type { Origin } from '../../src/app/commands/origin.js';
import type { CommandResult } from '../../src/app/ports/command-metrics.js';
import { STATE_VERSION } from '../../src/domain/index.js';
import { openCommand, openThrough } from '../support/command-core.js';
import { useTestDatabase } from '../support/test-database.js';

const NOW = '2026-11-22T14:00:00.000Z';
const REPORTER = 'U0REPORTER';
const STRANGER = 'U0STRANGER';

describe('the command core on PostgreSQL', () => {
  const testDb = useTestDatabase();
  let core: CommandCore;
  const counted: [string, CommandResult][] = [];
  const membersOf = new Map<string, string[]>();

  beforeAll(() => {
    core = createCommandCore({
      store: createIncidentStore(testDb.db),
      newId: randomUUID,
      afterCommit: () => {},
      metrics: { counted: (type, result) => void counted.push([type, result]) },
      membership: async (channel, user) => (membersOf.get(channel) ?? []).includes(user),
    });
  });

  const eventCount = async (id: string) =>
    (await testDb.db.selectFrom('incident_events').select('seq').where('incident_id', '=', id).execute())
      .length;
  const withChannel = async (id: string, channel: string) =>
    testDb.db.updateTable('incidents').set({ channel_id: channel }).where('id', '=', id).execute();
  const note = (actor: string) => ({ type: 'AddNote' as const, actor, now: NOW, text: 'a note' });
  const origin = (o: Partial<Origin>): Origin => ({ teamId: 'T1', userId: REPORTER, channelId: null, ...o });

  it('records a change from its own workspace and channel', async () => {
    const incident = await openThrough(core, 'T1', openCommand('Bound'));
    await withChannel(incident.id, 'C0BOUND');
    const outcome = await core.run({
      incidentId: incident.id,
      command: note(REPORTER),
      origin: origin({ channelId: 'C0BOUND' }),
    });
    expect(outcome).toMatchObject({ ok: true, events: [{ type: 'NoteAdded' }] });
  });

  it('refuses ids bound to another workspace or another channel, recording nothing', async () => {
    const incident = await openThrough(core, 'T1', openCommand('Forged'));
    await withChannel(incident.id, 'C0FORGED');
    const before = await eventCount(incident.id);
    for (const forged of [origin({ teamId: 'T2' }), origin({ channelId: 'C0ELSEWHERE' })]) {
      const outcome = await core.run({ incidentId: incident.id, command: note(REPORTER), origin: forged });
      expect(outcome).toMatchObject({ ok: false, rejection: { code: 'not_found' } });
    }
    expect(await eventCount(incident.id)).toBe(before);
  });

  it('records as the actor only the person Slack says asked', async () => {
    const incident = await openThrough(core, 'T1', openCommand('Impersonated'));
    const before = await eventCount(incident.id);
    const outcome = await core.run({
      incidentId: incident.id,
      command: note(REPORTER),
      origin: origin({ userId: STRANGER }),
    });
    expect(outcome).toMatchObject({ ok: false, rejection: { code: 'not_found' } });
    expect(await eventCount(incident.id)).toBe(before);
  });

  it('lets only its channel members and participants act on a private incident from outside its channel', async () => {
    const incident = await openThrough(core, 'T1', openCommand('Secret', { private: true }));
    await withChannel(incident.id, 'C0SECRET');
    const stranger = await core.run({
      incidentId: incident.id,
      command: note(STRANGER),
      origin: origin({ userId: STRANGER }),
    });
    expect(stranger).toMatchObject({ ok: false, rejection: { code: 'not_found' } });
    membersOf.set('C0SECRET', [STRANGER]);
    const member = await core.run({
      incidentId: incident.id,
      command: note(STRANGER),
      origin: origin({ userId: STRANGER }),
    });
    expect(member).toMatchObject({ ok: true, events: [{ type: 'NoteAdded' }] });
    const reporter = await core.run({ incidentId: incident.id, command: note(REPORTER), origin: origin({}) });
    expect(reporter.ok).toBe(true);
  });

  it('records a Slack event once, in the transaction that records its change', async () => {
    const incident = await openThrough(core, 'T1', openCommand('Captured'));
    await withChannel(incident.id, 'C0CAPTURE');
    const capture = (ts: string) => ({
      type: 'CaptureMessage' as const,
      actor: REPORTER,
      now: NOW,
      channel: 'C0CAPTURE',
      ts,
      author: 'U0AUTHOR',
      text: 'errors at 14:02',
      postedAt: NOW,
    });
    const sent = origin({ channelId: 'C0CAPTURE', eventId: 'Ev01' });
    const first = await core.run({ incidentId: incident.id, command: capture('1.1'), origin: sent });
    // A redelivery of the same event (Slack retried) records nothing, even for a different message.
    const again = await core.run({ incidentId: incident.id, command: capture('2.2'), origin: sent });
    expect(first.ok).toBe(true);
    expect(again.ok).toBe(false);
    const marked = await testDb.db
      .selectFrom('processed_slack_events')
      .select('event_id')
      .where('event_id', '=', 'Ev01')
      .execute();
    expect(marked).toHaveLength(1);
    expect(await eventCount(incident.id)).toBe(2);
  });

  it('rebuilds a snapshot written by an older fold from the events, and stores the rebuilt one', async () => {
    const incident = await openThrough(core, 'T1', openCommand('Old snapshot'));
    await core.run({
      incidentId: incident.id,
      origin: null,
      command: { type: 'TakeRole', actor: REPORTER, now: NOW, role: 'commander' },
    });
    // As an older version of the bot would have left it: a different shape, an older version.
    await testDb.db
      .updateTable('incidents')
      .set({
        snapshot: JSON.stringify({ status: 'investigating', legacy: true }),
        snapshot_version: STATE_VERSION - 1,
      })
      .where('id', '=', incident.id)
      .execute();
    const read = await createIncidentStore(testDb.db).findById(incident.id);
    expect(read?.state).toMatchObject({
      status: 'investigating',
      title: 'Old snapshot',
      roles: { commander: REPORTER },
    });
    const row = await testDb.db
      .selectFrom('incidents')
      .select(['snapshot_version', sql<string>`snapshot->>'title'`.as('title')])
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ snapshot_version: STATE_VERSION, title: 'Old snapshot' });
  });

  it('counts every command it handles by type and result', async () => {
    counted.length = 0;
    const incident = await openThrough(core, 'T1', openCommand('Counted'));
    await core.run({ incidentId: incident.id, origin: null, command: note(REPORTER) });
    await core.run({
      incidentId: incident.id,
      origin: null,
      command: { type: 'TakeRole', actor: REPORTER, now: NOW, role: 'scribe' },
    });
    await core.run({
      incidentId: incident.id,
      origin: null,
      command: { type: 'TakeRole', actor: REPORTER, now: NOW, role: 'scribe' },
    });
    await core.run({
      incidentId: incident.id,
      origin: null,
      command: { type: 'TakeRole', actor: STRANGER, now: NOW, role: 'scribe' },
    });
    expect(counted).toEqual([
      ['OpenIncident', 'accepted'],
      ['AddNote', 'accepted'],
      ['TakeRole', 'accepted'],
      ['TakeRole', 'unchanged'],
      ['TakeRole', 'rejected'],
    ]);
  });
});
