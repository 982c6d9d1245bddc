import type { InstallationStore } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { Logger } from '../../app/ports/logger.js';
import type { Outbox } from '../../app/ports/outbox.js';
import type { Config } from '../../config/config.js';
import { createInstallationStore } from '../postgres/installation-store.js';
import type { Database } from '../postgres/schema.js';
import type { UninstalledWorkspace } from './listeners/deps.js';
import { installedWorkspaceClients, type SlackClients, singleWorkspaceClients } from './slack-clients.js';

/** The workspaces a deployment serves: their clients, where installs are kept, and what an uninstall does. */
export interface Workspaces {
  readonly clients: SlackClients;
  /** Set when serving several workspaces (OAuth): Bolt stores and finds installations here. */
  readonly installationStore: InstallationStore | null;
  /** Deletes the installation, drops its cached tokens and gives up the workspace's pending effects. */
  uninstalled(gone: UninstalledWorkspace): Promise<void>;
}

/**
 * One workspace with SLACK_BOT_TOKEN, or several through OAuth installations in PostgreSQL
 * (config.slack.oauth). Either way every Web API client comes from the returned `clients`.
 */
export function createWorkspaces(options: {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly outbox: Pick<Outbox, 'abandonTeams'>;
  readonly logger: Logger;
  readonly clientOptions: WebClientOptions;
  readonly botUserId?: string;
}): Workspaces {
  const { config, logger, outbox } = options;
  const installations = config.slack.oauth !== null ? createInstallationStore(options.db) : null;
  const base = { clientOptions: options.clientOptions, logger };
  const clients =
    installations !== null
      ? installedWorkspaceClients(installations, base)
      : singleWorkspaceClients(config.slack.botToken ?? '', {
          ...base,
          ...(options.botUserId ? { botUserId: options.botUserId } : {}),
        });
  return {
    clients,
    installationStore: installations,
    async uninstalled(gone) {
      const teams =
        gone.isEnterpriseInstall && gone.enterpriseId && installations
          ? await installations.teamsOf(gone.enterpriseId)
          : gone.teamId
            ? [gone.teamId]
            : [];
      if (installations) {
        await installations.deleteInstallation(
          gone.isEnterpriseInstall
            ? { teamId: undefined, enterpriseId: gone.enterpriseId ?? '', isEnterpriseInstall: true }
            : {
                teamId: gone.teamId ?? '',
                enterpriseId: gone.enterpriseId ?? undefined,
                isEnterpriseInstall: false,
              },
        );
      }
      for (const team of teams) clients.forget(team);
      const reason = `${gone.why}: the app no longer has access to this workspace`;
      const abandoned = await outbox.abandonTeams(teams, reason);
      logger.warn(
        { ...gone, teams, abandoned },
        'the app was removed from a workspace: its installation is deleted, its pending Slack effects given up and its timers will do nothing',
      );
    },
  };
}

/**
 * One `T` per workspace, made on first use and kept (a workspace's caches, e.g. display names):
 * as many as the deployment serves workspaces.
 */
export function perWorkspace<T>(make: (teamId: string) => T): (teamId: string) => T {
  const made = new Map<string, T>();
  return (teamId) => {
    const existing = made.get(teamId);
    if (existing !== undefined) return existing;
    const fresh = make(teamId);
    made.set(teamId, fresh);
    return fresh;
  };
}
