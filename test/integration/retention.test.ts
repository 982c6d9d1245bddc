import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  sql,
  TableNode,
} from 'kysely';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/adapters/postgres/database.js';
import { pruneOlderThan } from '../../src/adapters/postgres/retention.js';
import { startBotUnderTest } from '../support/bot-under-test.js';
import { createTestDatabase, useTestDatabase } from '../support/test-database.js';

const CUTOFF = new Date('2026-11-01T00:00:00.000Z');
const OLD = new Date('2026-10-01T00:00:00.000Z');
const RECENT = new Date('2026-11-20T00:00:00.000Z');
const INCIDENT = '00000000-0000-0000-0000-0000000000aa';

/** Records, per table, how many rows each DELETE statement removed, in order. */
class DeleteRecorder implements KyselyPlugin {
  readonly deleted: Record<string, number[]> = {};
  readonly #tables = new Map<unknown, string>();

  transformQuery({ node, queryId }: PluginTransformQueryArgs) {
    if (node.kind === 'DeleteQueryNode') {
      const from = node.from.froms[0];
      if (from && TableNode.is(from)) this.#tables.set(queryId, from.table.identifier.name);
    }
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs) {
    const table = this.#tables.get(queryId);
    if (table) this.deleted[table] = [...(this.deleted[table] ?? []), Number(result.numAffectedRows ?? 0n)];
    return result;
  }
}

describe('pruning old dedupe and delivery records on PostgreSQL', () => {
  const testDb = useTestDatabase();

  beforeAll(async () => {
    await sql`insert into incidents (id, team_id, number, title, status, severity, private, drill, opened_at, snapshot, version)
      values (${INCIDENT}, 'T1', 1, 't', 'investigating', 'pending', false, false, now(), '{}', 1)`.execute(
      testDb.db,
    );
  });
  beforeEach(async () => {
    await testDb.db.deleteFrom('processed_slack_events').execute();
    await testDb.db.deleteFrom('outbox').execute();
    await testDb.db.deleteFrom('deliveries').execute();
  });

  /** `count` processed events, finished side effects and deliveries, each stamped `at`. */
  async function seed(at: Date, count: number) {
    for (let i = 0; i < count; i++) {
      const id = `${at.toISOString()}-${i}`;
      await testDb.db
        .insertInto('processed_slack_events')
        .values({ event_id: id, team_id: 'T1', received_at: at })
        .execute();
      await testDb.db
        .insertInto('outbox')
        .values({
          team_id: 'T1',
          incident_id: INCIDENT,
          kind: 'PostHeader',
          payload: '{}',
          created_at: at,
          done_at: at,
        })
        .execute();
      await testDb.db.insertInto('deliveries').values({ key: id, detail: 'ts', delivered_at: at }).execute();
    }
  }

  const remaining = async () => ({
    processedSlackEvents: await testDb.db
      .selectFrom('processed_slack_events')
      .select('received_at')
      .execute(),
    outbox: await testDb.db.selectFrom('outbox').select(['created_at', 'done_at']).execute(),
    deliveries: await testDb.db.selectFrom('deliveries').select('delivered_at').execute(),
  });

  it('deletes rows older than the cutoff, a batch per statement, and keeps recent ones and unfinished side effects', async () => {
    await seed(OLD, 5);
    await seed(RECENT, 1);
    // Exactly at the cutoff is not older than it.
    await seed(CUTOFF, 1);
    // An old side effect that has not happened yet must still happen.
    await testDb.db
      .insertInto('outbox')
      .values({ team_id: 'T1', incident_id: INCIDENT, kind: 'CreateChannel', payload: '{}', created_at: OLD })
      .execute();
    const recorder = new DeleteRecorder();

    const pruned = await pruneOlderThan(testDb.db.withPlugin(recorder), CUTOFF, 2);

    expect(pruned).toEqual({ processedSlackEvents: 5, outbox: 5, deliveries: 5 });
    expect(recorder.deleted).toEqual({
      processed_slack_events: [2, 2, 1],
      outbox: [2, 2, 1],
      deliveries: [2, 2, 1],
    });
    const left = await remaining();
    const times = (dates: (Date | null)[]) => dates.map((date) => date?.toISOString() ?? null).sort();
    expect(times(left.processedSlackEvents.map((row) => row.received_at))).toEqual(times([CUTOFF, RECENT]));
    expect(times(left.deliveries.map((row) => row.delivered_at))).toEqual(times([CUTOFF, RECENT]));
    expect(times(left.outbox.map((row) => row.done_at))).toEqual(times([CUTOFF, RECENT, null]));
    expect(left.outbox).toContainEqual({ created_at: OLD, done_at: null });
  });

  it('stops after the first batch that is not full: one statement per table when there is nothing to delete', async () => {
    await seed(OLD, 4);
    const recorder = new DeleteRecorder();

    expect(await pruneOlderThan(testDb.db.withPlugin(recorder), CUTOFF, 2)).toEqual({
      processedSlackEvents: 4,
      outbox: 4,
      deliveries: 4,
    });
    expect(recorder.deleted).toEqual({
      processed_slack_events: [2, 2, 0],
      outbox: [2, 2, 0],
      deliveries: [2, 2, 0],
    });

    const again = new DeleteRecorder();
    expect(await pruneOlderThan(testDb.db.withPlugin(again), CUTOFF, 2)).toEqual({
      processedSlackEvents: 0,
      outbox: 0,
      deliveries: 0,
    });
    expect(again.deleted).toEqual({ processed_slack_events: [0], outbox: [0], deliveries: [0] });
  });

  it('deletes a backlog larger than a batch with the default batch size', async () => {
    await sql`insert into processed_slack_events (event_id, team_id, received_at)
      select 'Ev' || n, 'T1', ${OLD} from generate_series(1, 2500) as n`.execute(testDb.db);
    const recorder = new DeleteRecorder();

    expect(await pruneOlderThan(testDb.db.withPlugin(recorder), CUTOFF)).toMatchObject({
      processedSlackEvents: 2500,
    });
    expect(recorder.deleted.processed_slack_events).toEqual([1000, 1000, 500]);
  });
});

describe('the bot and RETENTION', () => {
  /** Starts a bot on a database holding one processed event from long ago; what is left once it runs. */
  async function eventsLeftAfterStart(env: Record<string, string>): Promise<number> {
    const database = await createTestDatabase();
    const db = createDatabase({ connectionString: database.url, maxConnections: 1 });
    try {
      await db
        .insertInto('processed_slack_events')
        .values({ event_id: 'Ev-old', team_id: 'T1', received_at: new Date('2020-01-01T00:00:00.000Z') })
        .execute();
      const t = await startBotUnderTest({ database, env });
      // Stopping waits for the pass under way, so whatever it was going to delete is gone by then.
      await t.stop();
      const rows = await db.selectFrom('processed_slack_events').select('event_id').execute();
      return rows.length;
    } finally {
      await db.destroy();
      await database.drop();
    }
  }

  it('prunes what is past retention as soon as it starts', async () => {
    expect(await eventsLeftAfterStart({})).toBe(0);
  });

  it('keeps everything with RETENTION=PT0S', async () => {
    expect(await eventsLeftAfterStart({ RETENTION: 'PT0S' })).toBe(1);
  });
});
