import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { TIMERS_QUEUE } from '../../../src/adapters/bullmq/timer-job.js';
import { createDatabase } from '../../../src/adapters/postgres/database.js';
import type { Database } from '../../../src/adapters/postgres/schema.js';
import { type BotProcess, botProcessEnv, spawnBot, waitUntilHealthy } from '../../support/bot-process.js';
import { SIGNING_SECRET } from '../../support/bot-under-test.js';
import { type DrivenIncident, incidentDriver, TEAM } from '../../support/incident-driver.js';
import { deleteQueueKeys } from '../../support/queue-keys.js';
import { type SlackRequestTarget, sendSlashCommand } from '../../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in/index.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** Set-up shared by the reliability tests: one per guarantee, each breaking one dependency. */

export const DANA = 'U0DANA';

/** A bot process started by a rig, and how to talk to it. */
export interface StartedBot {
  readonly process: BotProcess;
  readonly port: number;
  readonly target: SlackRequestTarget;
  readonly drive: ReturnType<typeof incidentDriver>;
}

/**
 * The bot as child processes (for SIGKILL and SIGTERM) against a Slack stand-in, a database and a
 * queue prefix of the test's own; processes started one after the other share them, as a
 * restarted deployment does.
 */
export interface ProcessRig {
  readonly slack: SlackStandIn;
  /** A connection of the test's own to the bots' database, for assertions. */
  readonly db: Kysely<Database>;
  readonly database: TestDatabase;
  /** The BullMQ prefix every process started by the rig shares (one deployment). */
  readonly queuePrefix: string;
  /** Starts a bot process with `env` on top of the test defaults; resolves once it is healthy. */
  start(env?: Record<string, string>): Promise<StartedBot>;
  /** Kills what is still running and removes the database and queue keys. */
  close(): Promise<void>;
}

export async function processRig(): Promise<ProcessRig> {
  const slack = await startSlackStandIn({ botUserId: 'UBOT' });
  const database = await createTestDatabase();
  const db = createDatabase({ connectionString: database.url, maxConnections: 2 });
  const queuePrefix = `ic-rel-${randomBytes(3).toString('hex')}`;
  const started: BotProcess[] = [];
  return {
    slack,
    db,
    database,
    queuePrefix,
    async start(extra = {}) {
      const services = {
        slackUrl: slack.url,
        databaseUrl: database.url,
        redisUrl: inject('redisUrl'),
        queuePrefix,
        signingSecret: SIGNING_SECRET,
      };
      const { port, env } = await botProcessEnv(services, { OUTBOX_SWEEP_EVERY: 'PT0.2S', ...extra });
      const process = spawnBot(env);
      started.push(process);
      await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, process);
      const target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET };
      return { process, port, target, drive: incidentDriver({ slack, db, target }) };
    },
    async close() {
      for (const process of started) process.child.kill('SIGKILL');
      await Promise.all(started.map((process) => process.exited));
      await db.destroy();
      await slack.stop();
      await database.drop();
      await deleteQueueKeys(inject('redisUrl'), queuePrefix);
    },
  };
}

/** A PostgreSQL or Redis URL that goes through a TCP proxy of the test's own, to cut at will. */
export async function throughProxy(serviceUrl: string): Promise<{ proxy: TcpProxy; url: string }> {
  const url = new URL(serviceUrl);
  const defaultPort = url.protocol.startsWith('redis') ? 6379 : 5432;
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || defaultPort) });
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return { proxy, url: url.toString() };
}

/** The shared Redis, database number `n`: this file's own, so FLUSHDB there touches no other file. */
export function ownRedisDatabase(n: number): string {
  const url = new URL(inject('redisUrl'));
  url.pathname = `/${n}`;
  return url.toString();
}

/** The bot's timers queue, read straight from Redis (not through any proxy the bot uses). */
export const timersQueue = (queuePrefix: string, redisUrl = inject('redisUrl')) =>
  new Queue(TIMERS_QUEUE, { connection: { url: redisUrl }, prefix: queuePrefix });

/** `/incident <text>` typed in the incident's channel; the result carries the ack and its timing. */
export const slashIn = (
  target: SlackRequestTarget,
  incident: Pick<DrivenIncident, 'channel'>,
  text: string,
  userId = DANA,
) => sendSlashCommand(target, { text, userId, teamId: TEAM, channelId: incident.channel });

/** The value of one counter series on the bot's /metrics (0 when the series does not exist yet). */
export async function counterValue(
  baseUrl: string,
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && wanted.every((label) => l.includes(label)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
