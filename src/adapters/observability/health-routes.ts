import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { Logger } from '../../app/ports/logger.js';

/** A named dependency check; it rejects (or times out) when the dependency cannot be used. */
export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => Promise<unknown>;
}

export interface HealthRoute {
  readonly path: string;
  readonly method: string;
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * `/healthz` (the process answers), `/readyz` (PostgreSQL and Redis answer now) and `/metrics`.
 * Served by Bolt's receiver in both HTTP and Socket Mode, on the public port, so `/readyz` says only
 * which dependency is unavailable: a driver's message can name hosts, users or a URL. Why it failed
 * goes to the log (at warn, with the check's name), where secrets are redacted.
 */
export function healthRoutes(
  checks: readonly ReadinessCheck[],
  registry: Registry,
  logger: Logger,
): HealthRoute[] {
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => send(res, 200, 'application/json', JSON.stringify({ status: 'ok' })),
    },
    {
      path: '/readyz',
      method: 'GET',
      handler: async (_req, res) => {
        const results = await Promise.all(
          checks.map(async ({ name, check }) => {
            try {
              await withTimeout(check(), CHECK_TIMEOUT_MS);
              return [name, 'ok'] as const;
            } catch (error) {
              logger.warn({ check: name, err: error }, 'readiness check failed');
              return [name, 'unavailable'] as const;
            }
          }),
        );
        const ready = results.every(([, outcome]) => outcome === 'ok');
        send(
          res,
          ready ? 200 : 503,
          'application/json',
          JSON.stringify({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) }),
        );
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: async (_req, res) => send(res, 200, registry.contentType, await registry.metrics()),
    },
  ];
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

/** `promise`, or a rejection once `ms` have passed without it settling. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
