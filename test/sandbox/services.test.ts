import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateToLatest } from '../../src/adapters/postgres/migrate.js';
import { ConfigError } from '../../src/config/load-config.js';
import { ensureDatabase } from '../../src/sandbox/services/ensure-database.js';
import { freePort } from '../../src/sandbox/services/free-port.js';
import { redisAnswersPing, tcpAnswers } from '../../src/sandbox/services/probes.js';
import { startSandboxServices } from '../../src/sandbox/services.js';
import { databaseUrl, withAdmin } from '../support/global-setup.js';

type SandboxServices = Awaited<ReturnType<typeof startSandboxServices>>;

const portOf = (url: string) => Number(new URL(url).port);
const loopback = (port: number) => ({ host: '127.0.0.1', port });

/** A port nothing listens on, for a probe that must find nothing. */
const closedProbe = async () => `127.0.0.1:${await freePort()}`;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ic-sandbox-services-'));
  // Run as root (as here), PostgreSQL runs as the postgres user, who must get through this directory.
  await chmod(root, 0o755);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function withDatabase<T>(url: string, work: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  // The test then drops the database `with (force)`: a connection still closing gets 57P01, which
  // without a listener would be an uncaught error of the whole file.
  pool.on('error', () => {});
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

// One embedded cluster for the file: initdb takes seconds. The tests run in order: first start,
// stop, second start on the same data directory.
describe('embedded PostgreSQL, when DATABASE_URL is unset and nothing answers the probe', () => {
  const lines: string[] = [];
  let first: SandboxServices;
  let second: SandboxServices | undefined;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = path.join(root, 'sandbox');
    // Redis from the test services: this part is about PostgreSQL.
    env = { SANDBOX_POSTGRES_PROBE: await closedProbe(), REDIS_URL: inject('redisUrl') };
    first = await startSandboxServices({ env, dataDir, log: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  it('starts one with its data under dataDir, and its URL takes the migrations', async () => {
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^PostgreSQL: embedded, data in .*sandbox\/postgres, port \d+ \(nothing answers on/,
      ),
    );
    expect(portOf(first.databaseUrl)).not.toBe(5432);

    const { error, results } = await withDatabase(first.databaseUrl, (db) => migrateToLatest(db));
    expect(error).toBeUndefined();
    expect(results?.length).toBeGreaterThan(0);
    expect(results?.every((result) => result.status === 'Success')).toBe(true);
  });

  it('stop() stops it', async () => {
    const port = portOf(first.databaseUrl);
    expect(await tcpAnswers(loopback(port))).toBe(true);
    await first.stop();
    expect(await tcpAnswers(loopback(port))).toBe(false);
  });

  it('a second start reuses the initialised data directory, data and all', async () => {
    lines.length = 0;
    second = await startSandboxServices({ env, dataDir, log: (line) => lines.push(line) });
    expect(lines).toContainEqual(
      expect.stringMatching(/^PostgreSQL: embedded, .* \(kept from an earlier run\)/),
    );

    // Migrated by the first start: nothing is left to apply.
    const { error, results } = await withDatabase(second.databaseUrl, (db) => migrateToLatest(db));
    expect(error).toBeUndefined();
    expect(results).toEqual([]);

    await second.stop();
    expect(await tcpAnswers(loopback(portOf(second.databaseUrl)))).toBe(false);
  });

  it('passes over something on the probe that is not a PostgreSQL it can use, and says why', async () => {
    // Accepts connections and hangs up at once, as a program that is not PostgreSQL might.
    const impostor = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    const { port } = impostor.address() as net.AddressInfo;
    lines.length = 0;
    try {
      const services = await startSandboxServices({
        env: { ...env, SANDBOX_POSTGRES_PROBE: `127.0.0.1:${port}` },
        dataDir,
        log: (line) => lines.push(line),
      });
      await services.stop();
    } finally {
      impostor.close();
    }
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^PostgreSQL: embedded, .*\\(127\\.0\\.0\\.1:${port} answers but not as a PostgreSQL`),
      ),
    );
  });
});

describe('Redis, when REDIS_URL is unset and nothing answers PING on the probe', () => {
  // A DATABASE_URL that exists, so only Redis is decided here.
  const postgres = () => ({ DATABASE_URL: inject('postgresAdminUrl') });

  it('starts a redis-server found on PATH, which answers PING until stop()', async () => {
    const lines: string[] = [];
    const services = await startSandboxServices({
      env: { ...postgres(), PATH: process.env.PATH, SANDBOX_REDIS_PROBE: await closedProbe() },
      dataDir: path.join(root, 'unused'),
      log: (line) => lines.push(line),
    });
    const port = portOf(services.redisUrl);
    try {
      expect(lines).toContainEqual(
        expect.stringMatching(/^Redis: started \S*redis-server on port \d+, saving nothing/),
      );
      expect(port).not.toBe(6379);
      expect(await redisAnswersPing(loopback(port))).toBe(true);
    } finally {
      await services.stop();
    }
    expect(await redisAnswersPing(loopback(port))).toBe(false);
  });

  it('without redis-server on PATH, fails with the install commands for Debian/Ubuntu, macOS and Docker', async () => {
    const error = await startSandboxServices({
      // PATH leads to a directory with no redis-server in it.
      env: { ...postgres(), PATH: root, SANDBOX_REDIS_PROBE: await closedProbe() },
      dataDir: path.join(root, 'unused'),
      log: () => {},
    }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(Error);
    const { message } = error as Error;
    expect(message).toContain('sudo apt-get install redis-server');
    expect(message).toContain('brew install redis');
    expect(message).toContain('docker run -p 6379:6379 redis:7');
    expect(message).toContain('REDIS_URL');
  });
});

describe('the environment', () => {
  it('is validated, one line per wrong value', async () => {
    const error = await startSandboxServices({
      env: { SANDBOX_POSTGRES_PROBE: 'localhost', REDIS_URL: 'http://127.0.0.1:6379' },
      dataDir: path.join(root, 'unused'),
      log: () => {},
    }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^REDIS_URL: expected a URL like redis:/),
      'SANDBOX_POSTGRES_PROBE: expected host:port like 127.0.0.1:5432, got "localhost"',
    ]);
  });
});

describe('the sandbox database on a server that answers', () => {
  it('is created when missing and left as it is when it exists', async () => {
    const name = `${inject('databasePrefix')}sandbox`;
    const url = databaseUrl(inject('postgresAdminUrl'), name);
    try {
      expect(await ensureDatabase(url)).toBe('created');
      expect(await ensureDatabase(url)).toBe('existed');
      const { rows } = await withDatabase(url, (db) =>
        sql<{ name: string }>`select current_database() as name`.execute(db),
      );
      expect(rows).toEqual([{ name }]);
    } finally {
      await withAdmin(inject('postgresAdminUrl'), (admin) =>
        sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin),
      );
    }
  });
});
