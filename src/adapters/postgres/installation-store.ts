import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** An installation's key, as Bolt tells them apart: an org-wide install by its org, any other by its workspace. */
export function installationKey(query: {
  readonly isEnterpriseInstall?: boolean | undefined;
  readonly enterpriseId?: string | undefined;
  readonly teamId?: string | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  throw new Error('an installation names neither a workspace nor an org-wide install');
}

/** Thrown by `fetchInstallation` when nothing is installed for the query (Bolt then refuses the request). */
export class NoInstallationError extends Error {
  constructor(readonly key: string) {
    super(`no Slack installation for ${key}`);
    this.name = 'NoInstallationError';
  }
}

/** Bolt's installation store, plus what the bot needs besides Bolt (which workspaces it serves). */
export interface PostgresInstallationStore extends Required<InstallationStore> {
  /** Team ids of every workspace installed on its own (org-wide installs are listed by `enterprises`). */
  teams(): Promise<string[]>;
  /** The org a workspace belongs to, when one of its requests said so. */
  enterpriseOf(teamId: string): Promise<string | null>;
  /** Remembers that a workspace belongs to an org (first time only; it never moves). */
  rememberEnterprise(teamId: string, enterpriseId: string): Promise<void>;
  /** Workspaces known to belong to an org-wide install. */
  teamsOfOrgInstalls(): Promise<string[]>;
  /** Workspaces known to belong to the org. */
  teamsOf(enterpriseId: string): Promise<string[]>;
}

/**
 * Installations in PostgreSQL, shared by every replica. Stored whole (Bolt's Installation object,
 * tokens included) because Bolt needs the tokens as Slack issued them; they are never logged (the
 * logger hides Slack tokens wherever they appear). A reinstall replaces the row: new scopes, new token.
 */
export function createInstallationStore(db: Kysely<Database>): PostgresInstallationStore {
  /** Which workspaces belong to which org, by either side. */
  const orgMembership = (column: 'team_id' | 'enterprise_id', value: string) =>
    db
      .selectFrom('slack_workspace_enterprises')
      .select(['team_id', 'enterprise_id'])
      .where(column, '=', value)
      .orderBy('team_id')
      .execute();
  return {
    async storeInstallation(installation: Installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const row = {
        installation_key: installationKey({
          isEnterpriseInstall,
          enterpriseId: installation.enterprise?.id,
          teamId: installation.team?.id,
        }),
        enterprise_id: installation.enterprise?.id ?? null,
        team_id: isEnterpriseInstall ? null : (installation.team?.id ?? null),
        is_enterprise_install: isEnterpriseInstall,
        installation: JSON.stringify(installation),
      };
      await db
        .insertInto('slack_installations')
        .values(row)
        .onConflict((oc) =>
          oc.column('installation_key').doUpdateSet({
            enterprise_id: row.enterprise_id,
            team_id: row.team_id,
            is_enterprise_install: row.is_enterprise_install,
            installation: row.installation,
            updated_at: sql<Date>`now()`,
          }),
        )
        .execute();
    },

    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      const row = await db
        .selectFrom('slack_installations')
        .select('installation')
        .where('installation_key', '=', key)
        .executeTakeFirst();
      if (!row) throw new NoInstallationError(key);
      return row.installation as Installation;
    },

    async deleteInstallation(query: InstallationQuery<boolean>) {
      await db
        .deleteFrom('slack_installations')
        .where('installation_key', '=', installationKey(query))
        .execute();
    },

    async teams() {
      const rows = await db
        .selectFrom('slack_installations')
        .select('team_id')
        .where('is_enterprise_install', '=', false)
        .orderBy('team_id')
        .execute();
      return rows.flatMap((row) => (row.team_id ? [row.team_id] : []));
    },

    enterpriseOf: async (teamId) => (await orgMembership('team_id', teamId))[0]?.enterprise_id ?? null,

    async rememberEnterprise(teamId, enterpriseId) {
      await db
        .insertInto('slack_workspace_enterprises')
        .values({ team_id: teamId, enterprise_id: enterpriseId })
        .onConflict((oc) => oc.column('team_id').doNothing())
        .execute();
    },

    teamsOf: async (enterpriseId) =>
      (await orgMembership('enterprise_id', enterpriseId)).map((row) => row.team_id),

    async teamsOfOrgInstalls() {
      const rows = await db
        .selectFrom('slack_workspace_enterprises as w')
        .innerJoin('slack_installations as i', (join) =>
          join.onRef('i.enterprise_id', '=', 'w.enterprise_id').on('i.is_enterprise_install', '=', true),
        )
        .select('w.team_id')
        .orderBy('w.team_id')
        .execute();
      return rows.map((row) => row.team_id);
    },
  };
}
