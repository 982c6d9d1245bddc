import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createDatabase } from '../../src/adapters/postgres/database.js';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { migrateToLatest } from '../../src/adapters/postgres/migrate.js';
import { handleCommand } from '../../src/app/handle-command.js';
import { openIncident } from '../../src/app/open-incident.js';
import { type Figures, measure } from './measure.js';

const ADMIN_URL = process.env.DATABASE_URL
  ? Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).toString()
  : 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The command path on real PostgreSQL: open an incident (number allocation, events, snapshot,
 * outbox in one transaction), and a role change on a contended incident (row lock).
 */
export async function benchCommandPath(): Promise<Figures[]> {
  const name = `ic_bench_${randomBytes(3).toString('hex')}`;
  const admin = createDatabase({ connectionString: ADMIN_URL, maxConnections: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = createDatabase({ connectionString: url.toString(), maxConnections: 10 });
  try {
    const { error } = await migrateToLatest(db);
    if (error) throw error;
    const store = createIncidentStore(db);
    const deps = { store, newId: randomUUID, afterCommit: () => {} };
    const now = new Date().toISOString();
    const open = (i: number) =>
      openIncident(deps, {
        teamId: 'TBENCH',
        responseUrl: null,
        command: {
          type: 'OpenIncident',
          actor: 'U1',
          now,
          title: `Bench ${i}`,
          service: null,
          severity: null,
          private: false,
          drill: false,
          diagnosisHold: 600_000,
        },
      });
    const opens = await measure('open incident (1 at a time)', 300, open);
    const burst = await measure('open incident (8 concurrent)', 400, open, 8);
    const target = await open(0);
    if (!target.ok) throw new Error('open refused');
    const roles = ['commander', 'communicator', 'scribe'] as const;
    const contended = await measure(
      'role change, one incident (8 concurrent)',
      400,
      (i) =>
        handleCommand(deps, target.incident.id, {
          type: 'AssignRole',
          actor: 'U1',
          now,
          role: roles[i % 3] ?? 'scribe',
          assignee: `U${i}`,
        }),
      8,
    );
    return [opens, burst, contended];
  } finally {
    await db.destroy();
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
    await admin.destroy();
  }
}
