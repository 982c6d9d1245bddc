import { Server } from 'node:http';
import { App, HTTPReceiver, type InstallationStore, type Receiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Logger as PinoLogger } from 'pino';
import type { Config } from '../../config/config.js';
import type { HealthRoute } from '../observability/health-routes.js';
import { boltLogger } from './bolt-logger.js';
import { authorizationUrlFor, BOT_SCOPES } from './bot-scopes.js';
import { InFlightWork } from './in-flight-work.js';
import type { ListenerDeps } from './listeners/deps.js';
import { registerListeners } from './listeners/index.js';

export interface SlackAppOptions {
  readonly config: Config;
  readonly logger: PinoLogger;
  /** The listeners' dependencies, except `later`, which the app provides (it tracks the work). */
  readonly deps: Omit<ListenerDeps, 'later'>;
  readonly routes: readonly HealthRoute[];
  /** The Web API client options every Slack call uses (base URL, timeout, retries). */
  readonly clientOptions: WebClientOptions;
  /** Known in advance so Bolt skips its start-up `auth.test` (and so tests need no Slack). */
  readonly botUserId?: string;
  readonly botId?: string;
  /** Several workspaces (config.slack.oauth set): where Bolt keeps and finds each workspace's installation. */
  readonly installationStore?: InstallationStore;
  /** Told of each request's org and workspace (an org-wide install serves every workspace of the org). */
  readonly onRequestFrom?: (teamId: string, enterpriseId: string) => Promise<void>;
}

export interface SlackApp {
  readonly app: App;
  /** Starts serving; resolves with the HTTP port actually bound. */
  start(): Promise<number>;
  /** Stops taking requests, then waits for the listeners and their after-ack work, at most `graceMs`. */
  stop(graceMs: number): Promise<void>;
}

/**
 * The Bolt app in HTTP mode (`POST /slack/events`) or Socket Mode (when SLACK_APP_TOKEN is set).
 * Both serve the health routes on PORT. Web API calls go to SLACK_API_URL.
 *
 * HTTP mode answers Slack when a listener is done (`processBeforeResponse`), and listeners ack
 * only after their change is saved: the ack means saved. Work that follows the ack (opening a
 * modal, an answer through response_url) runs through `later`, outside the request.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config } = options;
  const logger = boltLogger(options.logger);
  const socketMode = config.slack.appToken !== null;
  const customRoutes = options.routes.map((route) => ({ ...route }));
  const oauth = oauthOptions(options);
  const receiver: Receiver | undefined = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: config.slack.signingSecret ?? '',
        endpoints: '/slack/events',
        customRoutes,
        logger,
        processBeforeResponse: true,
        ...oauth,
        installerOptions: { ...oauth.installerOptions, clientOptions: options.clientOptions },
      });
  const app = new App({
    // One workspace: its token. Several: none here, each request is authorized from its installation.
    ...(config.slack.botToken !== null ? { token: config.slack.botToken } : {}),
    ...(receiver
      ? { receiver }
      : {
          socketMode: true,
          appToken: config.slack.appToken ?? '',
          customRoutes,
          ...oauth,
          // The Socket Mode client opens its connection through the Web API too (apps.connections.open).
          installerOptions: {
            ...oauth.installerOptions,
            port: config.port,
            clientOptions: options.clientOptions,
          },
        }),
    logger,
    ...(options.botUserId && config.slack.botToken !== null
      ? { botUserId: options.botUserId, botId: options.botId ?? 'B0', tokenVerificationEnabled: false }
      : {}),
    clientOptions: options.clientOptions,
  });

  const work = new InFlightWork();
  const later: ListenerDeps['later'] = (context, run) => {
    void work.track(
      run().catch((error: unknown) =>
        options.logger.error({ err: error, ...context }, 'work after the ack failed'),
      ),
    );
  };
  app.use(async ({ next }) => work.track(next()));
  if (options.onRequestFrom) {
    const noteOrg = options.onRequestFrom;
    app.use(async ({ context, next }) => {
      if (context.teamId && context.enterpriseId) await noteOrg(context.teamId, context.enterpriseId);
      await next();
    });
  }
  registerListeners(app, { ...options.deps, later });
  app.error(async (error) => {
    options.logger.error(
      { err: error, ...(error as { context?: object }).context },
      'unhandled error in a Slack listener',
    );
  });

  return {
    app,
    async start() {
      const server = await app.start(config.port);
      const port = boundPort(server) ?? config.port;
      options.logger.info({ port, mode: socketMode ? 'socket' : 'http' }, 'slack app started');
      return port;
    },
    async stop(graceMs) {
      await app.stop();
      await work.settled(graceMs);
    },
  };
}

/**
 * Bolt's OAuth options when the deployment serves several workspaces: `/slack/install` sends the
 * person straight to Slack's authorize page (beside SLACK_API_URL) with the bot scopes, and
 * `/slack/oauth_redirect` exchanges the code (`oauth.v2.access`) and stores the installation.
 * Empty with a single bot token.
 */
function oauthOptions(options: SlackAppOptions) {
  const oauth = options.config.slack.oauth;
  if (oauth === null || !options.installationStore) return { installerOptions: {} };
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: options.installationStore,
    scopes: [...BOT_SCOPES],
    installerOptions: {
      directInstall: true,
      authorizationUrl: authorizationUrlFor(options.config.slack.apiUrl),
    },
  };
}

/** The port an HTTP server listens on, when `server` is one (HTTP mode returns it from start). */
function boundPort(server: unknown): number | null {
  if (server instanceof Server) {
    const address = server.address();
    if (address !== null && typeof address === 'object') return address.port;
  }
  return null;
}
