import { type Kysely, sql } from 'kysely';

/**
 * Incidents, their append-only timeline, the Slack side-effect outbox and Slack event dedupe.
 * Frozen in time: never edit after release; add a new migration instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incident_numbers')
    .addColumn('team_id', 'text', (col) => col.primaryKey())
    .addColumn('last_number', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('service', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('severity', 'text', (col) => col.notNull())
    .addColumn('private', 'boolean', (col) => col.notNull())
    .addColumn('drill', 'boolean', (col) => col.notNull())
    .addColumn('opened_at', 'timestamptz', (col) => col.notNull())
    .addColumn('snapshot', 'jsonb', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('channel_name', 'text')
    .addColumn('header_ts', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('incidents_team_number_unique', ['team_id', 'number'])
    .execute();
  await db.schema
    .createIndex('incidents_team_channel_unique')
    .on('incidents')
    .columns(['team_id', 'channel_id'])
    .unique()
    .where(sql.ref('channel_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('incidents_team_status')
    .on('incidents')
    .columns(['team_id', 'status'])
    .execute();

  await db.schema
    .createTable('incident_events')
    .addColumn('incident_id', 'uuid', (col) => col.notNull().references('incidents.id'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('recorded_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('incident_events_pk', ['incident_id', 'seq'])
    .execute();
  // The timeline is the record of what happened: history is appended to, never rewritten.
  await sql`
    create function incident_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'incident_events is append-only (% refused)', tg_op;
    end $$`.execute(db);
  await sql`
    create trigger incident_events_append_only before update or delete on incident_events
    for each row execute function incident_events_append_only()`.execute(db);

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('incident_id', 'uuid', (col) => col.notNull().references('incidents.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_error', 'text')
    .addColumn('done_at', 'timestamptz')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_pending')
    .on('outbox')
    .columns(['incident_id', 'id'])
    .where(sql.ref('done_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('processed_slack_events')
    .addColumn('event_id', 'text', (col) => col.primaryKey())
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('processed_slack_events').execute();
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropTable('incident_events').execute();
  await sql`drop function incident_events_append_only`.execute(db);
  await db.schema.dropTable('incidents').execute();
  await db.schema.dropTable('incident_numbers').execute();
}
