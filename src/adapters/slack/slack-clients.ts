import { WebClient, type WebClientOptions } from '@slack/web-api';
import { PermanentEffectError } from '../../app/ports/effect-performer.js';
import type { Logger } from '../../app/ports/logger.js';
import type { PostgresInstallationStore } from '../postgres/installation-store.js';
import { NoInstallationError } from '../postgres/installation-store.js';

/**
 * What a client is for. Listeners' calls (`views.open` within 3 s of a click) get one quick retry;
 * everything the outbox, timers and the weekly review do gets none (they retry with backoff
 * themselves, and a blind retry of `chat.postMessage` can post twice).
 */
export type ClientUse = 'listener' | 'effects';

/**
 * The Web API clients of every workspace the deployment serves. Every Slack call the bot makes
 * goes through a client from here, made by {@link SlackClientsOptions.newClient}: the one place
 * Web API clients are created.
 */
export interface SlackClients {
  /** A client holding the workspace's bot token; throws {@link WorkspaceNotInstalledError} when there is none. */
  clientFor(teamId: string, use?: ClientUse): Promise<WebClient>;
  /** The bot's own user id in that workspace. */
  botUserIdFor(teamId: string): Promise<string>;
  /** The workspaces served now (their incidents get a weekly review). */
  teams(): Promise<readonly string[]>;
  /** Whether the workspace is served now (false once the app was uninstalled from it). */
  serves(teamId: string): Promise<boolean>;
  /** Drops what is cached for the workspace (its installation just changed or went). */
  forget(teamId: string): void;
  /** Learns from a request that a workspace belongs to an org (to find an org-wide install's token). */
  noteEnterprise(teamId: string, enterpriseId: string): Promise<void>;
}

/** Thrown when a workspace has no installation any more: retrying cannot help, so effects are given up. */
export class WorkspaceNotInstalledError extends PermanentEffectError {
  constructor(readonly teamId: string) {
    super(
      'app_uninstalled',
      `the app is not installed in workspace ${teamId} any more (uninstalled, or its tokens revoked)`,
    );
    this.name = 'WorkspaceNotInstalledError';
  }
}

export interface SlackClientsOptions {
  /** Base options of every client (SLACK_API_URL, timeout, logger). */
  readonly clientOptions: WebClientOptions;
  readonly logger: Logger;
  /** Makes one Web API client. The default is `new WebClient`; wrap it here (e.g. to count calls). */
  readonly newClient?: (token: string, options: WebClientOptions) => WebClient;
  /** How many clients are kept (each holds its token and an HTTP agent). */
  readonly maxClients?: number;
  /** How long a workspace's token is trusted before the store is read again (another replica may have seen an uninstall). */
  readonly tokenTtlMs?: number;
  readonly now?: () => number;
}

const USE_OPTIONS: Readonly<Record<ClientUse, WebClientOptions>> = {
  listener: { retryConfig: { retries: 1, factor: 1, minTimeout: 200 } },
  effects: { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
};

/** The one function that creates a Web API client. */
export function createWebClient(token: string, options: WebClientOptions): WebClient {
  return new WebClient(token, options);
}

/** Clients by token, the least recently used dropped first once there are `max`. */
class ClientCache {
  readonly #clients = new Map<string, WebClient>();

  constructor(
    private readonly max: number,
    private readonly make: (token: string, use: ClientUse) => WebClient,
  ) {}

  get(token: string, use: ClientUse): WebClient {
    const key = `${use}\u0000${token}`;
    const cached = this.#clients.get(key);
    if (cached) {
      this.#clients.delete(key);
      this.#clients.set(key, cached);
      return cached;
    }
    const client = this.make(token, use);
    this.#clients.set(key, client);
    while (this.#clients.size > this.max) {
      const oldest = this.#clients.keys().next().value;
      if (oldest === undefined) break;
      this.#clients.delete(oldest);
    }
    return client;
  }
}

function clientCache(options: SlackClientsOptions): ClientCache {
  const newClient = options.newClient ?? createWebClient;
  return new ClientCache(options.maxClients ?? 200, (token, use) =>
    newClient(token, { ...options.clientOptions, ...USE_OPTIONS[use] }),
  );
}

/**
 * One workspace, one bot token (SLACK_BOT_TOKEN). The workspace is the token's (`auth.test`, asked
 * once); every call uses that token, whatever team id it is for.
 */
export function singleWorkspaceClients(
  botToken: string,
  options: SlackClientsOptions & { readonly botUserId?: string },
): SlackClients {
  const cache = clientCache(options);
  let identity: Promise<{ teamId: string; botUserId: string }> | null = null;
  const whoAmI = () => {
    identity ??= cache
      .get(botToken, 'effects')
      .auth.test()
      .then(
        (answer) => ({ teamId: answer.team_id ?? '', botUserId: answer.user_id ?? '' }),
        (error: unknown) => {
          identity = null;
          throw error;
        },
      );
    return identity;
  };
  return {
    clientFor: async (_teamId, use = 'effects') => cache.get(botToken, use),
    botUserIdFor: async () => options.botUserId ?? (await whoAmI()).botUserId,
    teams: async () => [(await whoAmI()).teamId].filter(Boolean),
    serves: async () => true,
    forget: () => {},
    noteEnterprise: async () => {},
  };
}

interface KnownToken {
  readonly token: string;
  readonly botUserId: string;
  readonly until: number;
}

/**
 * Several workspaces (OAuth): each workspace's bot token from its installation in PostgreSQL, an
 * org-wide (Enterprise Grid) install's for every workspace of the org. Tokens are cached briefly
 * (bounded), so a burst of effects reads the store once; an uninstall seen by this replica drops
 * its cache at once, one seen by another replica within `tokenTtlMs`.
 */
export function installedWorkspaceClients(
  store: PostgresInstallationStore,
  options: SlackClientsOptions,
): SlackClients {
  const cache = clientCache(options);
  const now = options.now ?? Date.now;
  const ttl = options.tokenTtlMs ?? 30_000;
  const maxTokens = options.maxClients ?? 200;
  const tokens = new Map<string, KnownToken>();
  const orgOf = new Map<string, string>();

  async function installationOf(teamId: string) {
    try {
      return await store.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    } catch (error) {
      if (!(error instanceof NoInstallationError)) throw error;
    }
    const enterpriseId = orgOf.get(teamId) ?? (await store.enterpriseOf(teamId));
    if (!enterpriseId) return null;
    try {
      return await store.fetchInstallation({ teamId: undefined, enterpriseId, isEnterpriseInstall: true });
    } catch (error) {
      if (error instanceof NoInstallationError) return null;
      throw error;
    }
  }

  async function tokenOf(teamId: string): Promise<KnownToken | null> {
    const known = tokens.get(teamId);
    if (known && known.until > now()) return known;
    const installation = await installationOf(teamId);
    if (!installation?.bot?.token) {
      tokens.delete(teamId);
      return null;
    }
    const fresh = { token: installation.bot.token, botUserId: installation.bot.userId, until: now() + ttl };
    tokens.delete(teamId);
    tokens.set(teamId, fresh);
    if (tokens.size > maxTokens) {
      const oldest = tokens.keys().next().value;
      if (oldest !== undefined) tokens.delete(oldest);
    }
    return fresh;
  }

  async function required(teamId: string): Promise<KnownToken> {
    const known = await tokenOf(teamId);
    if (!known) throw new WorkspaceNotInstalledError(teamId);
    return known;
  }

  return {
    clientFor: async (teamId, use = 'effects') => cache.get((await required(teamId)).token, use),
    botUserIdFor: async (teamId) => (await required(teamId)).botUserId,
    teams: async () => [...new Set([...(await store.teams()), ...(await store.teamsOfOrgInstalls())])].sort(),
    serves: async (teamId) => (await tokenOf(teamId)) !== null,
    forget: (teamId) => {
      tokens.delete(teamId);
    },
    noteEnterprise: async (teamId, enterpriseId) => {
      if (orgOf.get(teamId) === enterpriseId) return;
      await store.rememberEnterprise(teamId, enterpriseId);
      orgOf.set(teamId, enterpriseId);
    },
  };
}
