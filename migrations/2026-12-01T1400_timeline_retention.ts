import { type Kysely, sql } from 'kysely';

/**
 * The timeline stays append-only, with one way out: TIMELINE_RETENTION's pruning deletes a closed
 * incident's events inside a transaction that says so (`set local incident_commander.prune_timeline
 * = 'on'`). The trigger checks both, row by row: a DELETE elsewhere, an UPDATE, a TRUNCATE, or a
 * delete of an incident not closed is refused as before. An expand-only change: the code of the
 * release before never deletes, and runs unchanged on it.
 * Frozen in time: never edit after release; add a new migration instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function incident_events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if current_setting('incident_commander.prune_timeline', true) = 'on'
          and exists (select 1 from incidents where id = old.incident_id and status = 'closed') then
          return old;
        end if;
      end if;
      raise exception 'incident_events is append-only (% refused)', tg_op;
    end $$`.execute(db);
  // Pruning finds closed incidents by the age of their last change.
  await db.schema
    .createIndex('incidents_closed_updated_at')
    .on('incidents')
    .column('updated_at')
    .where(sql.ref('status'), '=', 'closed')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incidents_closed_updated_at').execute();
  await sql`
    create or replace function incident_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'incident_events is append-only (% refused)', tg_op;
    end $$`.execute(db);
}
