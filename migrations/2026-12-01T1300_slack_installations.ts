import { type Kysely, sql } from 'kysely';

/**
 * Slack installations, for a deployment that serves several workspaces (OAuth):
 * - `slack_installations`: one row per installation, keyed as Bolt keys them: an org-wide
 *   (Enterprise Grid) install by its enterprise id, any other by its team id. `installation` is
 *   Bolt's Installation object whole (tokens in it, refresh token and expiry when token rotation
 *   is on): Bolt needs the tokens as Slack issued them to call Slack.
 * - `slack_workspace_enterprises`: which org a workspace belongs to, learnt from its requests, so
 *   the bot finds an org-wide install's token for an incident that carries only its team id.
 * Frozen in time: never edit after release; add a new migration instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('slack_installations')
    .addColumn('installation_key', 'text', (col) => col.primaryKey())
    .addColumn('enterprise_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('is_enterprise_install', 'boolean', (col) => col.notNull())
    .addColumn('installation', 'jsonb', (col) => col.notNull())
    .addColumn('installed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('slack_workspace_enterprises')
    .addColumn('team_id', 'text', (col) => col.primaryKey())
    .addColumn('enterprise_id', 'text', (col) => col.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('slack_workspace_enterprises').execute();
  await db.schema.dropTable('slack_installations').execute();
}
