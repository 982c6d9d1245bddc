import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/adapters/observability/logger.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { createTestDatabase } from '../support/test-database.js';

// The test server trusts local connections and never asks for it, so any password connects.
const DATABASE_PASSWORD = 'Pw-readiness-s3cret';

describe('/healthz, /readyz and /metrics', () => {
  let proxy: TcpProxy;
  let t: BotUnderTest;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const admin = new URL(inject('postgresAdminUrl'));
    proxy = await startTcpProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
    const database = await createTestDatabase();
    const viaProxy = new URL(database.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    viaProxy.password = DATABASE_PASSWORD;
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    t = await startBotUnderTest({
      database,
      env: { DATABASE_URL: viaProxy.toString() },
      logger: createLogger('warn', destination),
    });
  });
  afterAll(async () => {
    proxy?.restore();
    await t?.stop();
    await t?.database.drop();
    await proxy?.close();
  });

  it('answers /healthz while the process is alive', async () => {
    const response = await fetch(`${t.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });

  it('answers /readyz 503 naming only PostgreSQL while it is unreachable, logs why, and 200 again once it is back', async () => {
    const up = await fetch(`${t.baseUrl}/readyz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });

    proxy.cut();
    const down = await fetch(`${t.baseUrl}/readyz`);
    expect(down.status).toBe(503);
    // Only which dependency is down: the driver's own words stay off the public port.
    expect(await down.json()).toEqual({
      status: 'not ready',
      checks: { postgres: 'unavailable', redis: 'ok' },
    });

    // Why goes to the log instead, at warn, naming the check, with no password in it.
    const failures = logLines.filter((line) => line.msg === 'readiness check failed');
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure).toMatchObject({ level: 40, check: 'postgres', err: { message: expect.any(String) } });
    }
    expect(JSON.stringify(logLines)).not.toContain(DATABASE_PASSWORD);

    proxy.restore();
    await expect.poll(async () => (await fetch(`${t.baseUrl}/readyz`)).status, { timeout: 10_000 }).toBe(200);
  });

  it('serves Prometheus metrics', async () => {
    const response = await fetch(`${t.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toContain('process_cpu_user_seconds_total');
  });
});
