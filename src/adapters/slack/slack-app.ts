import { Server } from 'node:http';
import { App, HTTPReceiver, type Receiver } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { Config } from '../../config/config.js';
import type { HealthRoute } from '../observability/health-routes.js';
import { boltLogger } from './bolt-logger.js';
import { InFlightWork } from './in-flight-work.js';
import type { ListenerDeps } from './listeners/deps.js';
import { registerListeners } from './listeners/index.js';

export interface SlackAppOptions {
  readonly config: Config;
  readonly logger: PinoLogger;
  readonly deps: ListenerDeps;
  readonly routes: readonly HealthRoute[];
  /** Known in advance so Bolt skips its start-up `auth.test` (and so tests need no Slack). */
  readonly botUserId?: string;
  readonly botId?: string;
}

export interface SlackApp {
  readonly app: App;
  /** Starts serving; resolves with the HTTP port actually bound. */
  start(): Promise<number>;
  /** Stops taking requests, then waits for the listeners still running. */
  stop(): Promise<void>;
}

/**
 * The Bolt app in HTTP mode (`POST /slack/events`) or Socket Mode (when SLACK_APP_TOKEN is set).
 * Both serve the health routes on PORT. Web API calls go to SLACK_API_URL.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config } = options;
  const logger = boltLogger(options.logger);
  const socketMode = config.slack.appToken !== null;
  const customRoutes = options.routes.map((route) => ({ ...route }));
  const clientOptions = {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200 },
  };
  const receiver: Receiver | undefined = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: config.slack.signingSecret ?? '',
        endpoints: '/slack/events',
        customRoutes,
        logger,
        // Answer Slack as soon as a listener acks; the work after ack goes on in the background.
        processBeforeResponse: false,
      });
  const app = new App({
    token: config.slack.botToken,
    ...(receiver
      ? { receiver }
      : {
          socketMode: true,
          appToken: config.slack.appToken ?? '',
          customRoutes,
          // The Socket Mode client opens its connection through the Web API too (apps.connections.open).
          installerOptions: { port: config.port, clientOptions },
        }),
    logger,
    ...(options.botUserId
      ? { botUserId: options.botUserId, botId: options.botId ?? 'B0', tokenVerificationEnabled: false }
      : {}),
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      retryConfig: { retries: 2, factor: 2, minTimeout: 200 },
    },
  });

  const work = new InFlightWork();
  app.use(async ({ next }) => work.track(next()));
  registerListeners(app, options.deps);
  app.error(async (error) => {
    options.logger.error({ err: error }, 'unhandled error in a Slack listener');
  });

  return {
    app,
    async start() {
      const server = await app.start(config.port);
      const port = boundPort(server) ?? config.port;
      options.logger.info({ port, mode: socketMode ? 'socket' : 'http' }, 'slack app started');
      return port;
    },
    async stop() {
      await app.stop();
      await work.settled();
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
