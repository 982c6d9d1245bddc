import { type Kysely, sql } from 'kysely';

/**
 * TRUNCATE skips row-level triggers, so the append-only rule of the first migration did not cover
 * it: a statement-level trigger refuses it too (also when it arrives by `TRUNCATE incidents CASCADE`).
 * The function raises whatever the operation, so the one from the initial migration serves.
 * Frozen in time: never edit after release; add a new migration instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create trigger incident_events_no_truncate before truncate on incident_events
    for each statement execute function incident_events_append_only()`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger incident_events_no_truncate on incident_events`.execute(db);
}
