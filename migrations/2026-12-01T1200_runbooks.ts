import { type Kysely, sql } from 'kysely';

/**
 * A runbook link per service per workspace (`/incident runbook <service> <url>`), shown on the
 * header and when the hold ends. One row per service, matched case and surrounding spaces aside
 * (`service_key`), so "Checkout" and "checkout " are the same service, as the broke-twice rule has it.
 * Frozen in time: never edit after release; add a new migration instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('runbooks')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('service_key', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('runbooks_pkey', ['team_id', 'service_key'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('runbooks').execute();
}
