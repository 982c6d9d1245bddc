import { beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/adapters/postgres/database.js';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { createOutbox } from '../../src/adapters/postgres/outbox.js';
import type { Effect } from '../../src/app/effects.js';
import { OutboxRunner, type OutboxRunnerDeps } from '../../src/app/outbox/outbox-runner.js';
import {
  type EffectPerformer,
  PermanentEffectError,
  RetryAfterError,
} from '../../src/app/ports/effect-performer.js';
import type { IncidentStore } from '../../src/app/ports/incident-store.js';
import { commandCoreOn, openCommand, openThrough } from '../support/command-core.js';
import { useTestDatabase } from '../support/test-database.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const NOW = '2026-11-22T14:00:00.000Z';

/** Stands in for Slack at the edge: records what it was asked to do, fails on demand. */
class RecordingPerformer implements EffectPerformer {
  constructor(private readonly channels: () => IncidentStore) {}

  readonly performed: { kind: Effect['kind']; incidentId: string }[] = [];
  failures = new Map<Effect['kind'], unknown[]>();
  alwaysFail = new Map<Effect['kind'], unknown>();
  delayMs = 0;
  running = 0;
  maxRunning = 0;
  readonly incidentsRunning = new Map<string, number>();
  maxIncidentsRunning = 0;

  async perform(effect: Effect, incident: { id: string }): Promise<string> {
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    this.incidentsRunning.set(incident.id, (this.incidentsRunning.get(incident.id) ?? 0) + 1);
    this.maxIncidentsRunning = Math.max(this.maxIncidentsRunning, this.incidentsRunning.size);
    try {
      if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const failure = this.failures.get(effect.kind)?.shift() ?? this.alwaysFail.get(effect.kind);
      if (failure) throw failure;
      if (effect.kind === 'channel.create')
        await this.channels().recordChannel(incident.id, {
          id: `C0${incident.id.slice(0, 8).toUpperCase()}`,
          name: 'inc',
        });
      this.performed.push({ kind: effect.kind, incidentId: incident.id });
      return `did ${effect.kind}`;
    } finally {
      this.running -= 1;
      const left = (this.incidentsRunning.get(incident.id) ?? 1) - 1;
      if (left === 0) this.incidentsRunning.delete(incident.id);
      else this.incidentsRunning.set(incident.id, left);
    }
  }
}

describe('the outbox runner on PostgreSQL', () => {
  const testDb = useTestDatabase();
  let store: IncidentStore;

  beforeAll(() => {
    store = createIncidentStore(testDb.db);
  });

  let holders = 0;
  const runnerWith = (performer: EffectPerformer, overrides: Partial<OutboxRunnerDeps> = {}) =>
    new OutboxRunner({
      outbox: createOutbox(testDb.db),
      store,
      performer,
      logger: silent,
      holder: `test-${++holders}`,
      concurrency: 4,
      sweepEvery: 50,
      retry: { maxTries: 4, baseDelayMs: 20 },
      ...overrides,
    });

  const openOne = async (team: string, title = 'Outbox') =>
    (await openThrough(commandCoreOn(testDb.db), team, openCommand(title, { now: NOW }))).id;

  const pendingKinds = async (incidentId: string) =>
    (await createOutbox(testDb.db).pending(incidentId)).map((p) => p.effect.kind);
  const row = (incidentId: string, kind: Effect['kind']) =>
    testDb.db
      .selectFrom('outbox')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('kind', '=', kind)
      .orderBy('id')
      .executeTakeFirstOrThrow();

  it('performs every effect once, the channel first, and marks them done', async () => {
    const id = await openOne('T1');
    const performer = new RecordingPerformer(() => store);
    await runnerWith(performer).kick(id);
    const [first, ...rest] = performer.performed.map((p) => p.kind);
    expect(first).toBe('channel.create');
    expect(rest.sort()).toEqual([
      'announcement.render',
      'channel.invite',
      'channel.purpose',
      'header.render',
    ]);
    expect(await pendingKinds(id)).toEqual([]);
  });

  it('keeps what is posted in the incident channel in the order it was written', async () => {
    const id = await openOne('T12');
    const incident = await store.findById(id);
    if (!incident) throw new Error('no incident');
    const outbox = createOutbox(testDb.db);
    await outbox.enqueue(incident, [
      { kind: 'hold.summary' },
      { kind: 'update.nudge', recipient: null, at: NOW },
      { kind: 'resolution.post' },
    ]);
    const performer = new RecordingPerformer(() => store);
    performer.delayMs = 5;
    await runnerWith(performer).kick(id);
    const inChannel = ['header.render', 'hold.summary', 'update.nudge', 'resolution.post'];
    expect(performer.performed.map((p) => p.kind).filter((kind) => inChannel.includes(kind))).toEqual(
      inChannel,
    );
  });

  it('performs what does not depend on each other together: the header waits for the channel, not for the invitation', async () => {
    const id = await openOne('T11');
    const performer = new RecordingPerformer(() => store);
    performer.delayMs = 50;
    await runnerWith(performer).kick(id);
    // The channel alone first; then its purpose, the invitation, the header and the announcement at once.
    expect(performer.performed.map((p) => p.kind)[0]).toBe('channel.create');
    expect(performer.maxRunning).toBe(4);
    expect(await pendingKinds(id)).toEqual([]);
  });

  it('collapses several pending header renders into one', async () => {
    const id = await openOne('T2');
    const core = commandCoreOn(testDb.db);
    for (const role of ['commander', 'communicator', 'scribe'] as const)
      await core.run({
        incidentId: id,
        origin: null,
        command: { type: 'TakeRole', actor: `U0${role.toUpperCase()}`, now: NOW, role },
      });
    const performer = new RecordingPerformer(() => store);
    await runnerWith(performer).kick(id);
    expect(performer.performed.filter((p) => p.kind === 'header.render')).toHaveLength(1);
    expect(await pendingKinds(id)).toEqual([]);
  });

  it('lets an effect waiting out a backoff hold back nothing that does not depend on it', async () => {
    const id = await openOne('T3');
    const performer = new RecordingPerformer(() => store);
    performer.failures.set('channel.invite', [new RetryAfterError(300, 'ratelimited')]);
    const runner = runnerWith(performer);
    await runner.kick(id);
    expect(performer.performed.map((p) => p.kind).sort()).toEqual([
      'announcement.render',
      'channel.create',
      'channel.purpose',
      'header.render',
    ]);
    expect(await pendingKinds(id)).toEqual(['channel.invite']);
    expect(await row(id, 'channel.invite')).toMatchObject({ attempts: 1, last_error: 'ratelimited' });

    runner.start();
    await expect.poll(() => pendingKinds(id), { timeout: 5_000 }).toEqual([]);
    await runner.stop();
    expect(performer.performed.map((p) => p.kind).at(-1)).toBe('channel.invite');
  });

  it('keeps everything posted in the channel waiting for the channel, and fails it if the channel never comes', async () => {
    const id = await openOne('T4');
    const performer = new RecordingPerformer(() => store);
    performer.alwaysFail.set(
      'channel.create',
      new PermanentEffectError('restricted_action', 'Slack said restricted_action'),
    );
    await runnerWith(performer).kick(id);
    expect(performer.performed).toEqual([]);
    const rows = await testDb.db
      .selectFrom('outbox')
      .select(['kind', 'failure'])
      .where('incident_id', '=', id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.kind, r.failure])).toEqual([
      ['channel.create', 'restricted_action'],
      ['channel.invite', 'the incident channel could not be created'],
      ['channel.purpose', 'the incident channel could not be created'],
      ['header.render', 'the incident channel could not be created'],
      ['announcement.render', 'the incident channel could not be created'],
    ]);
  });

  it('gives up a permanent failure at once, records why, lets the rest go and asks the header to show it', async () => {
    const id = await openOne('T5');
    const performer = new RecordingPerformer(() => store);
    performer.failures.set('channel.invite', [
      new PermanentEffectError('user_not_found', 'Slack said user_not_found'),
    ]);
    const givenUp: string[] = [];
    await runnerWith(performer, { onGivenUp: (kind, reason) => givenUp.push(`${kind}:${reason}`) }).kick(id);
    // The invitation failed while the header was being rendered beside it: the render it asked
    // for, queued after the failure, shows it.
    expect(performer.performed.map((p) => p.kind).sort()).toEqual([
      'announcement.render',
      'channel.create',
      'channel.purpose',
      'header.render',
      'header.render',
    ]);
    expect(await pendingKinds(id)).toEqual([]);
    expect(await row(id, 'channel.invite')).toMatchObject({ attempts: 1, failure: 'user_not_found' });
    expect(givenUp).toEqual(['channel.invite:user_not_found']);
    expect(await createOutbox(testDb.db).failures(id, 5)).toMatchObject([
      { kind: 'channel.invite', reason: 'user_not_found' },
    ]);
  });

  it('stops retrying a failure that keeps coming back after a bounded number of tries', async () => {
    const id = await openOne('T6');
    const performer = new RecordingPerformer(() => store);
    performer.alwaysFail.set('announcement.render', new Error('socket hang up'));
    const runner = runnerWith(performer);
    runner.start();
    await runner.kick(id);
    await expect.poll(() => pendingKinds(id), { timeout: 5_000 }).toEqual([]);
    await runner.stop();
    expect(await row(id, 'announcement.render')).toMatchObject({
      attempts: 4,
      failure: 'gave up after 4 tries: socket hang up',
    });
  });

  it('lets one runner at a time drain an incident, across runners (replicas)', async () => {
    const id = await openOne('T7');
    const performer = new RecordingPerformer(() => store);
    performer.delayMs = 30;
    const [a, b] = [runnerWith(performer), runnerWith(performer)];
    await Promise.all([a.kick(id), b.kick(id), a.kick(id)]);
    a.start();
    await expect.poll(() => pendingKinds(id), { timeout: 5_000 }).toEqual([]);
    await Promise.all([a.stop(), b.stop()]);
    // Each effect once (those after the channel run side by side, in any order).
    expect(performer.performed.map((p) => p.kind).sort()).toEqual([
      'announcement.render',
      'channel.create',
      'channel.invite',
      'channel.purpose',
      'header.render',
    ]);
  });

  it("keeps its own time in the database, so a bot whose clock is behind the host's still performs at once", async () => {
    const behind = new Date(Date.now() - 24 * 3_600_000).toISOString();
    const incident = await openThrough(
      commandCoreOn(testDb.db),
      'T10',
      openCommand('Behind', { now: behind }),
    );
    const performer = new RecordingPerformer(() => store);
    await runnerWith(performer).kick(incident.id);
    expect(performer.performed.map((p) => p.kind)).toContain('channel.create');
    expect(await pendingKinds(incident.id)).toEqual([]);
  });

  it('waits for a crashed holder’s lease to expire, then drains', async () => {
    const id = await openOne('T8');
    await testDb.db
      .insertInto('outbox_leases')
      .values({ incident_id: id, holder: 'crashed', lease_until: new Date(Date.now() + 400) })
      .execute();
    const performer = new RecordingPerformer(() => store);
    const runner = runnerWith(performer);
    await runner.kick(id);
    expect(performer.performed).toEqual([]);
    runner.start();
    await expect.poll(() => pendingKinds(id), { timeout: 5_000 }).toEqual([]);
    await runner.stop();
  });

  it('drains a burst with bounded concurrency on a small pool, without deadlock', async () => {
    const small = createDatabase({ connectionString: testDb.url, maxConnections: 2 });
    try {
      const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => openOne('T9', `Burst ${i}`)));
      const performer = new RecordingPerformer(() => store);
      performer.delayMs = 10;
      const runner = runnerWith(performer, {
        outbox: createOutbox(small),
        store: createIncidentStore(small),
        concurrency: 3,
      });
      await Promise.all(ids.map((id) => runner.kick(id)));
      expect(performer.performed).toHaveLength(12 * 5);
      expect(performer.maxIncidentsRunning).toBeLessThanOrEqual(3);
      for (const id of ids) expect(await pendingKinds(id)).toEqual([]);
    } finally {
      await small.destroy();
    }
  });
});
