import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { createTestDatabase } from '../support/test-database.js';

describe('/healthz, /readyz and /metrics', () => {
  let proxy: TcpProxy;
  let t: BotUnderTest;

  beforeAll(async () => {
    const admin = new URL(inject('postgresAdminUrl'));
    proxy = await startTcpProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
    const database = await createTestDatabase();
    const viaProxy = new URL(database.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    t = await startBotUnderTest({ database, env: { DATABASE_URL: viaProxy.toString() } });
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

  it('answers /readyz 503 while PostgreSQL is unreachable, and 200 again once it is back, without a restart', async () => {
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);

    proxy.cut();
    const down = await fetch(`${t.baseUrl}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'not ready', checks: { redis: 'ok' } });

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
