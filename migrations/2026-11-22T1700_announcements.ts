import type { Kysely } from 'kysely';

/** Where each incident was announced, so the announcement is updated in place, never posted twice. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('incidents')
    .addColumn('announcement_channel', 'text')
    .addColumn('announcement_ts', 'text')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('incidents')
    .dropColumn('announcement_ts')
    .dropColumn('announcement_channel')
    .execute();
}
