import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, inject } from 'vitest';
import { SIGNING_SECRET } from './bot-under-test.js';
import { deleteQueueKeys } from './queue-keys.js';
import type { SlackRequestTarget } from './slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in/index.js';
import { startedLater } from './started-later.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BotProcess {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
}

/** Runs `src/main.ts` as `npm start` does, as a separate process with the given environment. */
export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Where a bot process under test finds its services. */
export interface TestServices {
  readonly slackUrl: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly signingSecret: string;
}

/** The environment for a bot process against the test's services, on a free port of its own. */
export async function botProcessEnv(
  services: TestServices,
  extra: Record<string, string> = {},
): Promise<{ port: number; env: Record<string, string> }> {
  const port = await freePort();
  return {
    port,
    env: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: services.signingSecret,
      SLACK_API_URL: services.slackUrl,
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      PORT: String(port),
      QUEUE_PREFIX: services.queuePrefix,
      LOG_LEVEL: 'warn',
      ...extra,
    },
  };
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Polls `url` until it answers 200 or the process ends. */
export async function waitUntilHealthy(url: string, bot: BotProcess, timeoutMs = 20_000): Promise<void> {
  let ended = false;
  void bot.exited.then(() => {
    ended = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !ended) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `bot did not become healthy at ${url}; stderr:\n${bot.stderr()}\nstdout:\n${bot.stdout().slice(-2000)}`,
  );
}

/** A Slack stand-in, a database and a queue prefix of a test's own, for bot processes to share. */
export interface ProcessServices {
  readonly slack: SlackStandIn;
  readonly database: TestDatabase;
  readonly queuePrefix: string;
  /**
   * Spawns a bot process against these services, on a free port, and waits until it is healthy
   * (killing it when it never is). The caller kills it when done.
   */
  spawnHealthy(extra?: Record<string, string>): Promise<{ bot: BotProcess; target: SlackRequestTarget }>;
}

/**
 * {@link ProcessServices} for a whole `describe`: a beforeAll starts them, an afterAll stops them and
 * removes the queue's keys. `label` names the queue prefix (`ic-<label>-…`).
 */
export function useProcessServices(label: string): ProcessServices {
  let services: ProcessServices | undefined;
  let started: { slack?: SlackStandIn; database?: TestDatabase } = {};
  const queuePrefix = `ic-${label}-${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    const slack = await startSlackStandIn({ botUserId: 'UBOT' });
    started = { slack };
    const database = await createTestDatabase();
    started = { slack, database };
    services = {
      slack,
      database,
      queuePrefix,
      spawnHealthy: (extra) => spawnHealthy(slack, database, extra),
    };
  });
  afterAll(async () => {
    await started.slack?.stop();
    await started.database?.drop();
    await deleteQueueKeys(inject('redisUrl'), queuePrefix);
  });

  async function spawnHealthy(
    slack: SlackStandIn,
    database: TestDatabase,
    extra: Record<string, string> = {},
  ) {
    const { port, env } = await botProcessEnv(
      {
        slackUrl: slack.url,
        databaseUrl: database.url,
        redisUrl: inject('redisUrl'),
        queuePrefix,
        signingSecret: SIGNING_SECRET,
      },
      extra,
    );
    const bot = spawnBot(env);
    try {
      await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, bot);
    } catch (error) {
      bot.child.kill('SIGKILL');
      throw error;
    }
    return { bot, target: { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET } };
  }

  return startedLater(() => services, `the services for "${label}" bot processes`);
}
