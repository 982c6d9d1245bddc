import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations as allMigrations } from '../../../migrations/index.js';

// An arbitrary, fixed key: every replica that migrates takes the same PostgreSQL advisory lock.
const MIGRATION_LOCK_KEY = 7_141_530_201;

/**
 * Applies pending migrations. Safe to run from several replicas at once: they queue on a
 * session-level advisory lock, and whoever comes second finds nothing left to do.
 * Returns Kysely's result set rather than throwing, so callers decide how to report.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  migrations: Record<string, Migration> = allMigrations,
): Promise<MigrationResultSet> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      const migrator = new Migrator({ db: connection, provider: { getMigrations: async () => migrations } });
      return await migrator.migrateToLatest();
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}
