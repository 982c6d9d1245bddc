import { type Kysely, sql } from 'kysely';

/**
 * Messages that must reach a person once (an escalation brief, a reminder, the weekly review): a
 * row per delivery, written after Slack accepted it, so a retried effect skips who already heard.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deliveries')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('detail', 'text')
    .addColumn('delivered_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deliveries').execute();
}
