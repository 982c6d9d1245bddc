import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

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
      // As in bot-under-test: the nudge to take command is off unless a test is about it.
      COMMANDER_NUDGE_AFTER: 'PT0S',
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
