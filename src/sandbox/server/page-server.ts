import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { PageAnswer } from '../protocol.js';
import { pageRequest } from '../protocol.js';
import type { PageAssets } from './bundle-page.js';
import { dispatch } from './dispatch.js';
import type { LiveUpdates } from './live-updates.js';
import { pageHtml } from './page-html.js';
import { type PageStateDeps, pageState } from './page-state.js';
import type { ReadMarks } from './read-marks.js';
import { DeliveryError, type SlackClient } from './slack-client.js';

export interface PageServerDeps {
  readonly client: SlackClient;
  readonly state: PageStateDeps;
  readonly readMarks: ReadMarks;
  readonly live: LiveUpdates;
  readonly assets: PageAssets;
  readonly log: (fields: object, line: string) => void;
}

const MAX_BODY = 1_000_000;

/**
 * The page and its API, on 127.0.0.1 (or, in a container, every interface of the container, which
 * compose publishes on the host's loopback only). Requests whose Host is not this address are refused
 * (a web page elsewhere cannot reach in through DNS rebinding), and posts must be JSON (no
 * cross-site form can send that without the browser asking first).
 */
export async function startPageServer(
  deps: PageServerDeps,
  port: number,
  host: '127.0.0.1' | '0.0.0.0' = '127.0.0.1',
) {
  const server = createServer((req, res) => {
    handle(deps, req, res, address).catch((error: unknown) => {
      deps.log({ err: error }, 'sandbox page request failed');
      if (!res.headersSent) json(res, 500, { ok: false, error: 'The sandbox server failed; see its log.' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error('the page server has no port');
  const address = `127.0.0.1:${bound.port}`;
  return {
    url: `http://${address}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        deps.live.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(deps: PageServerDeps, req: IncomingMessage, res: ServerResponse, address: string) {
  const host = req.headers.host ?? '';
  if (host !== address && host !== address.replace('127.0.0.1', 'localhost'))
    return void res.writeHead(421, { 'content-type': 'text/plain' }).end('Wrong host for the sandbox.');
  const url = new URL(req.url ?? '/', `http://${address}`);
  if (req.method === 'GET') return get(deps, url, res);
  if (req.method === 'POST' && url.pathname === '/api/act') return post(deps, req, res);
  res.writeHead(404).end();
}

async function get(deps: PageServerDeps, url: URL, res: ServerResponse) {
  switch (url.pathname) {
    case '/':
      return text(res, 'text/html; charset=utf-8', pageHtml());
    case '/page.js':
      return text(res, 'text/javascript; charset=utf-8', deps.assets.script);
    case '/page.css':
      return text(res, 'text/css; charset=utf-8', deps.assets.style);
    case '/favicon.ico':
      return void res.writeHead(204).end();
    case '/events':
      return deps.live.add(res);
    case '/api/state': {
      const as = url.searchParams.get('as') ?? '';
      if (!deps.state.workspace.users.has(as)) return json(res, 400, { ok: false, error: 'unknown person' });
      return json(res, 200, await pageState(deps.state, as, url.searchParams.get('open')));
    }
  }
  const file = /^\/files\/([A-Z0-9]+)$/.exec(url.pathname);
  const stored = file ? deps.state.workspace.files.get(file[1] ?? '') : undefined;
  if (stored) return text(res, 'text/plain; charset=utf-8', stored.content);
  res.writeHead(404).end();
}

async function post(deps: PageServerDeps, req: IncomingMessage, res: ServerResponse) {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    return json(res, 415, { ok: false, error: 'expected JSON' });
  let raw = '';
  for await (const chunk of req) {
    raw += String(chunk);
    if (raw.length > MAX_BODY) return json(res, 413, { ok: false, error: 'too large' });
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return json(res, 400, { ok: false, error: 'not JSON' });
  }
  const parsed = pageRequest.safeParse(body);
  if (!parsed.success)
    return json(res, 400, { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid' });
  try {
    await dispatch(deps.client, deps.readMarks, parsed.data);
    json(res, 200, { ok: true } satisfies PageAnswer);
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    json(res, 200, { ok: false, error: error.message } satisfies PageAnswer);
  }
}

function text(res: ServerResponse, type: string, body: string) {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
