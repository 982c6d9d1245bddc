import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import {
  type CommandCore,
  type CommandRequest,
  createCommandCore,
} from '../../src/app/commands/command-core.js';

import type { BenchDatabase } from './bench-database.js';
import { openBenchIncident } from './bench-incidents.js';
import { percentOf, perSecond, type Row } from './report.js';
import { throughput } from './stats.js';

/** Twenty people working the incidents at once: the concurrency of both our commands and the floor. */
export const USERS = 20;
const COMMANDS = 1_000;
const COMMANDER = 'U0USER0';

/**
 * Commands per second through the real command core (lock, decide, append, snapshot, outbox) on
 * `incidents` incidents, hypotheses, notes and role picks from {@link USERS} people, beside the bare
 * `pg` transaction that locks a row, inserts an event and updates a snapshot, with the same
 * concurrency, pool size and snapshot size, over as many rows, on the same database.
 */
export async function commandThroughput(database: BenchDatabase, incidents: number): Promise<Row> {
  const core = createCommandCore({
    store: createIncidentStore(database.db),
    newId: randomUUID,
    afterCommit: () => {},
  });
  const ids = await openIncidents(core, incidents);
  const run = async (i: number) => {
    const outcome = await core.run({
      incidentId: ids[i % ids.length] ?? '',
      origin: null,
      command: workOf(i),
    });
    if (!outcome.ok) throw new Error(`bench: ${outcome.rejection.message}`);
  };
  const half = COMMANDS / 2;
  const first = await throughput(half, USERS, run);
  // The floor writes the snapshot as it stood halfway: the size ours wrote on average.
  const snapshot = await snapshotOf(database, ids[0] ?? '');
  const second = await throughput(half, USERS, (i) => run(half + i));
  const ours = COMMANDS / (half / first + half / second);
  const floor = await bareTransactions(database.url, incidents, snapshot);
  const where = incidents === 1 ? 'one hot incident' : `${incidents} incidents`;
  return {
    figure: `commands/s on ${where} (hypotheses, notes, role picks from ${USERS} users)`,
    ours: perSecond(ours),
    floor: `${perSecond(floor)} (bare pg lock + insert + snapshot, ${USERS} clients)`,
    ratio: `${percentOf(ours, floor)} of the floor`,
    target: '≥ 50% of the floor',
    met: ours >= floor / 2,
  };
}

async function openIncidents(core: CommandCore, count: number): Promise<string[]> {
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const opened = await openBenchIncident(core, i, now);
    if (!opened.ok) throw new Error(`bench: open refused: ${opened.rejection.message}`);
    ids.push(opened.incident.id);
    const commanding = await core.run({
      incidentId: opened.incident.id,
      origin: null,
      command: { type: 'TakeRole', actor: COMMANDER, now, role: 'commander' },
    });
    if (!commanding.ok) throw new Error(`bench: ${commanding.rejection.message}`);
  }
  return ids;
}

/** Command `i` of the mix: a hypothesis, a note, or the commander's role pick, by one of the users. */
function workOf(i: number): CommandRequest['command'] {
  const actor = `U0USER${i % USERS}`;
  const now = new Date().toISOString();
  switch (i % 3) {
    case 0:
      return { type: 'ProposeHypothesis', actor, now, hypothesisId: randomUUID(), text: `Hypothesis ${i}` };
    case 1:
      return { type: 'AddNote', actor, now, text: `Note ${i}: what we saw on the dashboards` };
    default:
      return { type: 'AssignRole', actor: COMMANDER, now, role: 'scribe', assignee: `U0SCRIBE${i}` };
  }
}

async function snapshotOf(database: BenchDatabase, id: string): Promise<string> {
  const row = await database.db
    .selectFrom('incidents')
    .select(sql<string>`snapshot::text`.as('snapshot'))
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.snapshot;
}

/** The floor: the least a locked, append-and-snapshot write can cost on this database. */
async function bareTransactions(url: string, rows: number, snapshot: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {});
  try {
    await pool.query(
      'create table floor_rows (id int primary key, version int not null, snapshot jsonb not null)',
    );
    await pool.query(
      'create table floor_events (row_id int, seq int, payload jsonb not null, primary key (row_id, seq))',
    );
    await pool.query('insert into floor_rows select g, 0, $1::jsonb from generate_series(0, $2 - 1) g', [
      snapshot,
      rows,
    ]);
    const event = JSON.stringify({
      type: 'NoteAdded',
      at: new Date().toISOString(),
      by: 'U0USER1',
      text: 'Note',
    });
    return await throughput(COMMANDS, USERS, async (i) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const locked = await client.query<{ version: number }>(
          'select version from floor_rows where id = $1 for update',
          [i % rows],
        );
        const version = (locked.rows[0]?.version ?? 0) + 1;
        await client.query('insert into floor_events (row_id, seq, payload) values ($1, $2, $3)', [
          i % rows,
          version,
          event,
        ]);
        await client.query('update floor_rows set version = $2, snapshot = $3 where id = $1', [
          i % rows,
          version,
          snapshot,
        ]);
        await client.query('commit');
      } finally {
        client.release();
      }
    });
  } finally {
    await pool.end();
  }
}
