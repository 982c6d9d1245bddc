import { createServer, type Server } from 'node:http';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes, type ReadinessCheck } from '../../../src/adapters/observability/health-routes.js';

interface Logged {
  readonly level: string;
  readonly fields: object;
  readonly message: string;
}

let server: Server | null = null;
afterEach(async () => {
  const open = server;
  server = null;
  if (open) await new Promise<void>((resolve) => open.close(() => resolve()));
});

/** Serves the routes on a random port and answers one GET of `path`, with what was logged meanwhile. */
async function get(path: string, checks: ReadinessCheck[]) {
  const logged: Logged[] = [];
  const log = (level: string) => (fields: object, message: string) => logged.push({ level, fields, message });
  const logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  const routes = healthRoutes(checks, new Registry(), logger);
  server = createServer((req, res) => routes.find((route) => route.path === req.url)?.handler(req, res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const response = await fetch(`http://127.0.0.1:${address.port}${path}`);
  return { status: response.status, body: await response.text(), logged };
}

describe('/readyz on the public port', () => {
  it('names the dependency that is down and nothing of what its driver said; the log gets the error', async () => {
    const refused = new Error('password authentication failed: postgres://app:hunter2@db.internal:5432/ic');
    const { status, body, logged } = await get('/readyz', [
      { name: 'postgres', check: () => Promise.reject(refused) },
      { name: 'redis', check: () => Promise.resolve('PONG') },
    ]);
    expect(status).toBe(503);
    expect(JSON.parse(body)).toEqual({
      status: 'not ready',
      checks: { postgres: 'unavailable', redis: 'ok' },
    });
    expect(body).not.toMatch(/hunter2|db\.internal|authentication/);
    expect(logged).toEqual([
      { level: 'warn', fields: { check: 'postgres', err: refused }, message: 'readiness check failed' },
    ]);
  });

  it('says ready, and logs nothing, when every check answers', async () => {
    const { status, body, logged } = await get('/readyz', [
      { name: 'postgres', check: () => Promise.resolve() },
      { name: 'redis', check: () => Promise.resolve('PONG') },
    ]);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
    expect(logged).toEqual([]);
  });
});
