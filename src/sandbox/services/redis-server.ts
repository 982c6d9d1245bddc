import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';
import { redisAnswersPing } from './probes.js';
import { SandboxServiceError } from './sandbox-service-error.js';

/** A throwaway Redis of the sandbox's own. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const LOG_TAIL_LINES = 20;

/**
 * Starts `binary` (a redis-server) on a free loopback port, working in a temporary directory and
 * saving nothing: the sandbox's queue is rebuilt from PostgreSQL by the bot's reconcile, so nothing
 * in it is worth keeping. Resolves once it answers PING.
 */
export async function startRedisServer(binary: string): Promise<RedisServer> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'ic-sandbox-redis-'));
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory]
      // BullMQ loses jobs under any other eviction policy.
      .concat(['--maxmemory-policy', 'noeviction', '--daemonize', 'no']),
    // Its own process group: Ctrl-C in the terminal reaches the sandbox, which stops the bot while
    // Redis still answers, and only then stops Redis.
    { cwd: directory, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const tail = collectTail(child);
  // A sandbox that exits without stop() (an uncaught error) still takes its Redis with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const cleanUp = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    await rm(directory, { recursive: true, force: true });
  };
  const address = { host: '127.0.0.1', port };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await redisAnswersPing(address, 500))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await cleanUp();
      const why =
        child.exitCode !== null || child.signalCode !== null ? 'exited' : 'did not answer PING in time';
      throw new SandboxServiceError(`${binary} on port ${port} ${why}:\n${tail.join('\n')}`);
    }
    await sleep(50);
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => {
      stopping ??= cleanUp();
      return stopping;
    },
  };
}

/** SIGTERM (Redis exits at once, having nothing to save), SIGKILL if it lingers. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** The last lines the server wrote, for an error; reading them also keeps its pipes from filling. */
function collectTail(child: ChildProcess): string[] {
  const tail: string[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line.trimEnd());
    tail.splice(0, Math.max(0, tail.length - LOG_TAIL_LINES));
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  child.once('error', (error) => tail.push(String(error)));
  return tail;
}
