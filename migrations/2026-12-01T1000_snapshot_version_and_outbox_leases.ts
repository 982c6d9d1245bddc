import { type Kysely, sql } from 'kysely';

/**
 * - `incidents.snapshot_version`: which version of the fold wrote the snapshot, so a change to the
 *   fold reaches stored incidents (an older snapshot is rebuilt from its events on read).
 * - Outbox leases: one drainer per incident across replicas, held as a row with an expiry instead of
 *   a session lock, so no pool connection is held while Slack is called.
 * - Outbox failures: an effect that cannot succeed is finished with its reason, never retried forever.
 * Frozen in time: never edit after release; add a new migration instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('incidents')
    .addColumn('snapshot_version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('outbox_leases')
    .addColumn('incident_id', 'uuid', (col) => col.primaryKey().references('incidents.id'))
    .addColumn('holder', 'text', (col) => col.notNull())
    .addColumn('lease_until', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .alterTable('outbox')
    .addColumn('failed_at', 'timestamptz')
    .addColumn('failure', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_failed')
    .on('outbox')
    .columns(['incident_id', 'id'])
    .where(sql.ref('failed_at'), 'is not', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_failed').execute();
  await db.schema.alterTable('outbox').dropColumn('failure').dropColumn('failed_at').execute();
  await db.schema.dropTable('outbox_leases').execute();
  await db.schema.alterTable('incidents').dropColumn('snapshot_version').execute();
}
