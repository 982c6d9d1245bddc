import { existsSync } from 'node:fs';
import { chown, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from './free-port.js';
import { importEmbeddedPostgres } from './import-embedded-postgres.js';
import { postgresUserIfRoot } from './postgres-user.js';
import { reasonOf } from './reason-of.js';
import { SandboxServiceError } from './sandbox-service-error.js';

/** A PostgreSQL server of the sandbox's own, from the `embedded-postgres` package's binaries. */
export interface EmbeddedPostgresServer {
  /** Connects as `postgres` to the server's `postgres` database. */
  readonly adminUrl: string;
  readonly port: number;
  readonly dataDirectory: string;
  /** The data directory was initialised by an earlier start and is used as it is. */
  readonly reused: boolean;
  stop(): Promise<void>;
}

// It listens on 127.0.0.1 only, so a fixed password guards nothing anyone else can reach; it is
// fixed because the cluster keeps the one it was initialised with across starts.
const PASSWORD = 'sandbox';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const LOG_TAIL_LINES = 20;

/**
 * Starts PostgreSQL with its data in `dataDirectory` on a free port, initialising the directory on
 * the first start only (initdb refuses a directory that is not empty). Nothing is downloaded: the
 * binaries came with `npm install`. Failures name what to do, with the server's last log lines.
 */
export async function startEmbeddedPostgres(dataDirectory: string): Promise<EmbeddedPostgresServer> {
  const directory = path.resolve(dataDirectory);
  const reused = existsSync(path.join(directory, 'PG_VERSION'));
  const owner = await postgresUserIfRoot();
  await mkdir(directory, { recursive: true });
  // As root, initdb and the server run as `postgres`, who must own the directory to write it.
  if (owner) await chown(directory, owner.uid, owner.gid);

  const tail: string[] = [];
  const remember = (text: unknown) => {
    for (const line of String(text).split('\n')) if (line.trim()) tail.push(line.trimEnd());
    tail.splice(0, Math.max(0, tail.length - LOG_TAIL_LINES));
  };
  const port = await freePort();
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    // Loopback only, and no Unix socket: its default directory may not be writable by the server's user.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });
  const shown = displayPath(directory);
  // Said only when the failure is about access: a root user's directories are often closed to others.
  const rootHint = (reason: string) =>
    owner && /permission denied/i.test(reason)
      ? ` Running as root, PostgreSQL runs as the "postgres" user, who must be able to reach and write ${shown} (every directory above it open to others: o+x).`
      : '';

  if (!reused) {
    try {
      await server.initialise();
    } catch (error) {
      const reason = reasonOf(error);
      throw new SandboxServiceError(
        `Embedded PostgreSQL could not initialise ${shown}: ${reason}${rootHint(reason)}`,
        { cause: error },
      );
    }
  }
  try {
    await withTimeout(server.start(), START_TIMEOUT_MS);
  } catch (error) {
    // The library rejects with nothing when the server exited early (nothing left to stop), and
    // our timeout rejects with an error while the server may still be starting: stop that one.
    if (error) await withTimeout(server.stop(), STOP_TIMEOUT_MS).catch(() => {});
    const log = tail.join('\n');
    throw new SandboxServiceError(
      `Embedded PostgreSQL did not start on ${shown}, port ${port}${error ? ` (${reasonOf(error)})` : ''}.` +
        `${await anotherServerHint(directory, log, shown)}${rootHint(log)}\n${log}`,
      { cause: error },
    );
  }

  const pid = await postmasterPid(directory);
  let stopping: Promise<void> | undefined;
  return {
    adminUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDirectory: directory,
    reused,
    stop: () => {
      stopping ??= stopServer(() => server.stop(), pid);
      return stopping;
    },
  };
}

/**
 * Asks the server to stop (a fast shutdown), bounded: the library waits for an exit event that never
 * comes for a server that died on its own, and a server that does not stop in time is killed.
 */
async function stopServer(stop: () => Promise<void>, pid: number | null): Promise<void> {
  if (pid !== null && !isRunning(pid)) return;
  try {
    await withTimeout(stop(), STOP_TIMEOUT_MS);
  } catch {
    if (pid !== null && isRunning(pid)) process.kill(pid, 'SIGKILL');
  }
}

/**
 * When the data directory is locked by a server that still runs (a sandbox killed with SIGKILL
 * leaves its PostgreSQL behind; two sandboxes on one directory): which one, and what to do.
 */
async function anotherServerHint(directory: string, log: string, shown: string): Promise<string> {
  if (!log.includes('postmaster.pid')) return '';
  const pid = await postmasterPid(directory);
  return (
    ` Another PostgreSQL${pid === null ? '' : ` (PID ${pid})`} still runs on ${shown}, perhaps left by an ` +
    `earlier sandbox: stop it${pid === null ? '' : ` (kill ${pid})`} and start again.`
  );
}

/** The server's process id: the first line of the lock file it writes into its data directory. */
async function postmasterPid(directory: string): Promise<number | null> {
  const text = await readFile(path.join(directory, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Relative to the working directory when inside it (`.sandbox/postgres`), else absolute. */
export function displayPath(directory: string): string {
  const relative = path.relative(process.cwd(), directory);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : directory;
}
