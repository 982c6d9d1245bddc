import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase } from '../../src/adapters/postgres/database.js';
import { databaseUrl, withAdmin } from './global-setup.js';
import { startedLater } from './started-later.js';

/** A database of the calling test file's own, cloned from the migrated template. */
export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  /** Drops the database (closing any connection still open to it). */
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `${inject('databasePrefix')}${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (admin) =>
    sql`create database ${sql.id(name)} template ${sql.id(inject('templateDatabase'))}`.execute(admin),
  );
  return {
    url: databaseUrl(adminUrl, name),
    name,
    drop: () =>
      withAdmin(adminUrl, (admin) =>
        sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin),
      ).then(() => {}),
  };
}

/** A Kysely handle on a fresh test database, for repository-level tests. */
export async function openTestDatabase() {
  const database = await createTestDatabase();
  const db = createDatabase({ connectionString: database.url, maxConnections: 5 });
  return {
    ...database,
    db,
    async close() {
      await db.destroy();
      await database.drop();
    },
  };
}

export type OpenedTestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;

/**
 * {@link openTestDatabase} for a whole `describe`: a beforeAll opens it (before the hooks the file
 * registers after this call), an afterAll closes and drops it. What it returns stands for the
 * opened database and may be destructured only inside tests and hooks.
 */
export function useTestDatabase(): OpenedTestDatabase {
  let opened: OpenedTestDatabase | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase();
  });
  afterAll(async () => {
    await opened?.close();
  });
  return startedLater(() => opened, 'the test database');
}
