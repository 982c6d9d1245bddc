import { randomBytes } from 'node:crypto';
import { createLogger } from '../adapters/observability/logger.js';
import { createDatabase } from '../adapters/postgres/database.js';
import { createIncidentStore } from '../adapters/postgres/incident-store.js';
import { CAPTURE_SHORTCUT } from '../adapters/slack/listeners/capture.js';
import { type Clock, systemClock } from '../app/ports/clock.js';
import { startBot } from '../bot.js';
import { timerPolicyFrom } from '../config/policy-from-config.js';
import type { SandboxOptions } from './options.js';
import { SANDBOX_BOT_ID, SANDBOX_BOT_USER, SANDBOX_TEAM } from './people.js';
import { sandboxConfig } from './sandbox-config.js';
import { seedWorkspace } from './seed-workspace.js';
import { bundlePage } from './server/bundle-page.js';
import { LiveUpdates } from './server/live-updates.js';
import { startPageServer } from './server/page-server.js';
import { pendingTimers } from './server/pending-timers.js';
import { ReadMarks } from './server/read-marks.js';
import { startSandboxServices } from './services.js';
import { shiftedClock } from './shifted-clock.js';
import { startSlackStandIn } from './slack-stand-in/index.js';

export interface RunningSandbox {
  /** The page, on 127.0.0.1. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The real bot (`startBot`, HTTP mode, signed requests, PostgreSQL, Redis and BullMQ) against the
 * Slack stand-in, with a page that lets a person use that stand-in as they would use Slack.
 */
export async function startSandbox(
  options: SandboxOptions,
  env: NodeJS.ProcessEnv,
  say: (line: string) => void,
): Promise<RunningSandbox> {
  const clock: Clock = options.startAt ? shiftedClock(options.startAt) : systemClock;
  const services = await startSandboxServices({ env, dataDir: options.dataDir, log: say });
  const stops: (() => Promise<void>)[] = [() => services.stop()];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    const slack = await startSlackStandIn({
      teamId: SANDBOX_TEAM,
      botUserId: SANDBOX_BOT_USER,
      botId: SANDBOX_BOT_ID,
      clock,
    });
    stops.push(() => slack.stop());
    seedWorkspace(slack);
    const signingSecret = randomBytes(16).toString('hex');
    const config = sandboxConfig({
      env,
      slackApiUrl: slack.url,
      signingSecret,
      databaseUrl: services.databaseUrl,
      redisUrl: services.redisUrl,
      speed: options.speed,
    });
    const logger = createLogger(config.logLevel);
    const bot = await startBot({ config, logger, clock, botUserId: SANDBOX_BOT_USER });
    stops.push(() => bot.stop());

    const db = createDatabase({ connectionString: config.databaseUrl, maxConnections: 2 });
    stops.push(() => db.destroy());
    const zoneOf = async (userId: string | null) =>
      (userId ? slack.workspace.users.get(userId)?.tz : undefined) ?? config.timezone;
    const timers = {
      store: createIncidentStore(db),
      policy: timerPolicyFrom(config.timing),
      teamId: SANDBOX_TEAM,
      zoneOf,
    };
    const readMarks = new ReadMarks();
    const live = new LiveUpdates();
    const unsubscribe = slack.workspace.changes.subscribe(() => live.changed());
    const page = await startPageServer(
      {
        client: {
          slack,
          target: { url: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret },
          teamId: SANDBOX_TEAM,
          command: config.slack.command,
        },
        state: {
          workspace: slack.workspace,
          readMarks,
          clock,
          command: config.slack.command,
          shortcuts: [{ callbackId: CAPTURE_SHORTCUT, name: 'Add to timeline' }],
          speed: options.speed,
          timersOf: (channel) => pendingTimers(timers, channel),
        },
        readMarks,
        live,
        assets: await bundlePage(),
        log: (fields, line) => logger.warn(fields, line),
      },
      options.port,
      options.host,
    );
    stops.push(async () => {
      unsubscribe();
      await page.stop();
    });
    logger.info(
      {
        url: page.url,
        speed: options.speed,
        hold: config.timing.diagnosisHold,
        escalateAfter: config.timing.escalateAfter,
      },
      'sandbox ready: a local development tool, not for production (Slack is a stand-in on this machine)',
    );
    return { url: page.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
