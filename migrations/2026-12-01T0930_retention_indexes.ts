import { type Kysely, sql } from 'kysely';

/**
 * Retention deletes old dedupe and delivery rows a batch at a time; without an index on their age
 * each batch would scan the whole table, and a large backlog would cost a scan per thousand rows.
 * Frozen in time: never edit after release; add a new migration instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('processed_slack_events_received_at')
    .on('processed_slack_events')
    .column('received_at')
    .execute();
  // Only finished rows are ever pruned; unfinished ones have their own index (outbox_pending).
  await db.schema
    .createIndex('outbox_done_at')
    .on('outbox')
    .column('done_at')
    .where(sql.ref('done_at'), 'is not', null)
    .execute();
  await db.schema.createIndex('deliveries_delivered_at').on('deliveries').column('delivered_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deliveries_delivered_at').execute();
  await db.schema.dropIndex('outbox_done_at').execute();
  await db.schema.dropIndex('processed_slack_events_received_at').execute();
}
