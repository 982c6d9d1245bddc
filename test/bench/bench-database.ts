import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { createDatabase } from '../../src/adapters/postgres/database.js';
import { migrateToLatest } from '../../src/adapters/postgres/migrate.js';
import type { Database } from '../../src/adapters/postgres/schema.js';

const ADMIN_URL = process.env.DATABASE_URL
  ? Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).toString()
  : 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, migrated database: a Kysely handle on it and its URL (for a bot or a bare `pg` pool). */
export interface BenchDatabase {
  readonly db: Kysely<Database>;
  readonly url: string;
}

/** Runs `work` against a fresh, migrated database of its own, dropped afterwards. */
export async function withBenchDatabase<T>(work: (database: BenchDatabase) => Promise<T>): Promise<T> {
  const name = `ic_bench_${randomBytes(3).toString('hex')}`;
  const admin = createDatabase({ connectionString: ADMIN_URL, maxConnections: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = createDatabase({ connectionString: url.toString(), maxConnections: 10 });
  try {
    const { error } = await migrateToLatest(db);
    if (error) throw error;
    return await work({ db, url: url.toString() });
  } finally {
    await db.destroy();
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
    await admin.destroy();
  }
}
