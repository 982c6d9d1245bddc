import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { createOutbox } from '../../src/adapters/postgres/outbox.js';
import type { Effect } from '../../src/app/effects.js';
import { handleCommand } from '../../src/app/handle-command.js';
import { openIncident } from '../../src/app/open-incident.js';
import { OutboxRunner } from '../../src/app/outbox-runner.js';
import { systemClock } from '../../src/app/ports/clock.js';
import { type EffectPerformer, RetryAfterError } from '../../src/app/ports/effect-performer.js';
import type { IncidentStore } from '../../src/app/ports/incident-store.js';
import { shiftedClock } from '../support/shifted-clock.js';
import { openTestDatabase } from '../support/test-database.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const NOW = '2026-11-22T14:00:00.000Z';

/** Stands in for Slack at the edge: records what it was asked to do, fails on demand. */
class RecordingPerformer implements EffectPerformer {
  readonly performed: { kind: Effect['kind']; incidentId: string }[] = [];
  failures = new Map<Effect['kind'], unknown[]>();
  delayMs = 0;

  async perform(effect: Effect, incident: { id: string }): Promise<string> {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const failure = this.failures.get(effect.kind)?.shift();
    if (failure) throw failure;
    this.performed.push({ kind: effect.kind, incidentId: incident.id });
    return `did ${effect.kind}`;
  }
}

describe('the outbox runner on PostgreSQL', () => {
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let store: IncidentStore;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    store = createIncidentStore(testDb.db, systemClock);
  });
  afterAll(async () => {
    await testDb.close();
  });

  const runnerWith = (performer: EffectPerformer) =>
    new OutboxRunner({
      outbox: createOutbox(testDb.db, systemClock),
      store,
      performer,
      clock: systemClock,
      logger: silent,
      sweepEvery: 50,
    });

  async function openOne(team: string) {
    const outcome = await openIncident(
      { store, newId: randomUUID, afterCommit: () => {} },
      {
        teamId: team,
        responseUrl: null,
        command: {
          type: 'OpenIncident',
          actor: 'U1',
          now: NOW,
          title: 'Outbox',
          service: null,
          severity: null,
          private: false,
          drill: false,
          diagnosisHold: 0,
        },
      },
    );
    if (!outcome.ok) throw new Error('open refused');
    return outcome.incident.id;
  }

  const pendingKinds = async (incidentId: string) =>
    (await createOutbox(testDb.db, systemClock).pending(incidentId)).map((p) => p.effect.kind);

  it('performs effects in the order they were written, and marks them done', async () => {
    const id = await openOne('T1');
    const performer = new RecordingPerformer();
    await runnerWith(performer).kick(id);
    expect(performer.performed.map((p) => p.kind)).toEqual([
      'channel.create',
      'channel.invite',
      'header.render',
      'announcement.render',
    ]);
    expect(await pendingKinds(id)).toEqual([]);
  });

  it('collapses several pending header renders into one', async () => {
    const id = await openOne('T2');
    const deps = { store, afterCommit: () => {} };
    for (const role of ['commander', 'communicator', 'scribe'] as const) {
      await handleCommand(deps, id, { type: 'TakeRole', actor: `U${role}`, now: NOW, role });
    }
    const performer = new RecordingPerformer();
    await runnerWith(performer).kick(id);
    expect(performer.performed.filter((p) => p.kind === 'header.render')).toHaveLength(1);
    expect(await pendingKinds(id)).toEqual([]);
  });

  it('retries a failed effect later and holds back the ones after it, so order survives failures', async () => {
    const id = await openOne('T3');
    const performer = new RecordingPerformer();
    performer.failures.set('channel.invite', [new RetryAfterError(100, 'ratelimited')]);
    const runner = runnerWith(performer);
    await runner.kick(id);
    expect(performer.performed.map((p) => p.kind)).toEqual(['channel.create']);
    expect(await pendingKinds(id)).toEqual(['channel.invite', 'header.render', 'announcement.render']);
    const row = await testDb.db
      .selectFrom('outbox')
      .selectAll()
      .where('incident_id', '=', id)
      .where('kind', '=', 'channel.invite')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, last_error: 'ratelimited' });

    runner.start();
    await expect.poll(() => pendingKinds(id), { timeout: 5_000 }).toEqual([]);
    await runner.stop();
    expect(performer.performed.map((p) => p.kind)).toEqual([
      'channel.create',
      'channel.invite',
      'header.render',
      'announcement.render',
    ]);
  });

  it('lets one runner at a time drain an incident, even across runners (replicas)', async () => {
    const id = await openOne('T4');
    const performer = new RecordingPerformer();
    performer.delayMs = 30;
    const [a, b] = [runnerWith(performer), runnerWith(performer)];
    await Promise.all([a.kick(id), b.kick(id), a.kick(id)]);
    a.start();
    await expect.poll(() => pendingKinds(id), { timeout: 5_000 }).toEqual([]);
    await Promise.all([a.stop(), b.stop()]);
    expect(performer.performed.map((p) => p.kind)).toEqual([
      'channel.create',
      'channel.invite',
      'header.render',
      'announcement.render',
    ]);
  });

  it("writes effects due by the bot's clock, so a clock behind the host's still performs them at once", async () => {
    const clock = shiftedClock(new Date(Date.now() - 24 * 3_600_000).toISOString());
    const behind = createIncidentStore(testDb.db, clock);
    const outcome = await openIncident(
      { store: behind, newId: randomUUID, afterCommit: () => {} },
      {
        teamId: 'T6',
        responseUrl: null,
        command: {
          type: 'OpenIncident',
          actor: 'U1',
          now: clock.now().toISOString(),
          title: 'Behind',
          service: null,
          severity: null,
          private: false,
          drill: false,
          diagnosisHold: 0,
        },
      },
    );
    if (!outcome.ok) throw new Error('open refused');
    const performer = new RecordingPerformer();
    const runner = new OutboxRunner({
      outbox: createOutbox(testDb.db, clock),
      store: behind,
      performer,
      clock,
      logger: silent,
      sweepEvery: 50,
    });
    await runner.kick(outcome.incident.id);
    expect(performer.performed.map((p) => p.kind)).toContain('channel.create');
    expect(await pendingKinds(outcome.incident.id)).toEqual([]);
  });

  it('gives up on a confirmation to the reporter after a few attempts, and goes on with the rest', async () => {
    const outcome = await openIncident(
      { store, newId: randomUUID, afterCommit: () => {} },
      {
        teamId: 'T5',
        responseUrl: 'https://hooks.example/expired',
        command: {
          type: 'OpenIncident',
          actor: 'U1',
          now: NOW,
          title: 'Confirm',
          service: null,
          severity: null,
          private: false,
          drill: false,
          diagnosisHold: 0,
        },
      },
    );
    if (!outcome.ok) throw new Error('open refused');
    const id = outcome.incident.id;
    const performer = new RecordingPerformer();
    performer.failures.set('reporter.confirm', [
      new RetryAfterError(1, 'gone'),
      new RetryAfterError(1, 'gone'),
      new RetryAfterError(1, 'gone'),
    ]);
    const runner = runnerWith(performer);
    runner.start();
    await runner.kick(id);
    await expect.poll(() => pendingKinds(id), { timeout: 5_000 }).toEqual([]);
    await runner.stop();
    const confirm = await testDb.db
      .selectFrom('outbox')
      .selectAll()
      .where('incident_id', '=', id)
      .where('kind', '=', 'reporter.confirm')
      .executeTakeFirstOrThrow();
    expect(confirm.outcome).toMatch(/^gave up after 3 attempts/);
  });
});
