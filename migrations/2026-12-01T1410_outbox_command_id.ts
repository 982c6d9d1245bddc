import type { Kysely } from 'kysely';

/**
 * Which command wrote each Slack side effect, so the outbox's log lines carry the command's id
 * (`commandId`) as the command core's do. Nullable, an expand-only change: rows written before, and
 * by the release before during a rolling upgrade, have none.
 * Frozen in time: never edit after release; add a new migration instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('command_id', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('command_id').execute();
}
