import type { WebClient } from '@slack/web-api';
import type { Counter } from 'prom-client';

/** The counters every Slack Web API request moves (`createMetrics` makes them). */
export interface SlackCallCounters {
  readonly slackCalls: Counter<'method'>;
  readonly slackErrors: Counter<'method' | 'error'>;
  readonly slackRateLimited: Counter<'method'>;
}

// Label values stay bounded: a method name or an error code of Slack's shape, else "other".
const METHOD = /^[a-z]+(\.[A-Za-z]+)+$/;
const ERROR_CODE = /^[a-z_]{1,40}$/;

/**
 * A `fetch` that counts each Slack Web API request by method, and each failure by method and
 * error: Slack's `error` code from an `ok: false` answer, `ratelimited` (a 429, also counted on its
 * own), `http_<status>`, or `network` when no answer came. Given to a WebClient as its `fetch`
 * option (Bolt's own clients take it through `clientOptions`), it sees every attempt, retries
 * included, without changing what the client does.
 */
export function meteredFetch(counters: SlackCallCounters, fetchFn: typeof fetch = globalThis.fetch) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const method = methodOf(input);
    counters.slackCalls.inc({ method });
    let response: Response;
    try {
      response = await fetchFn(input, init);
    } catch (error) {
      counters.slackErrors.inc({ method, error: 'network' });
      throw error;
    }
    if (response.status === 429) {
      counters.slackRateLimited.inc({ method });
      counters.slackErrors.inc({ method, error: 'ratelimited' });
    } else if (response.status !== 200) {
      counters.slackErrors.inc({ method, error: `http_${response.status}` });
    } else {
      const error = await slackErrorOf(response);
      if (error !== null) counters.slackErrors.inc({ method, error });
    }
    return response;
  };
}

/**
 * Counts a client's Web API requests (see {@link meteredFetch}) by replacing the fetch it was built
 * with; for a client made elsewhere. Apply it once per client, where the client is created.
 */
export function withSlackCallMetrics(client: WebClient, counters: SlackCallCounters): WebClient {
  // The client keeps its fetch in a private field, read on every request.
  const inner = client as unknown as { fetchFn: typeof fetch };
  inner.fetchFn = meteredFetch(counters, inner.fetchFn);
  return client;
}

function methodOf(input: string | URL | Request): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const last = url.split('?')[0]?.split('/').at(-1) ?? '';
  return METHOD.test(last) ? last : 'other';
}

/** Slack answers most failures with HTTP 200 and `{"ok": false, "error": "channel_not_found"}`. */
async function slackErrorOf(response: Response): Promise<string | null> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return null;
  try {
    const body = (await response.clone().json()) as { ok?: unknown; error?: unknown };
    if (body.ok !== false) return null;
    return typeof body.error === 'string' && ERROR_CODE.test(body.error) ? body.error : 'other';
  } catch {
    return null;
  }
}
