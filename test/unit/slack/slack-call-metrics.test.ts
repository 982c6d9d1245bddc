import { LogLevel, WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/adapters/observability/metrics.js';
import { withSlackCallMetrics } from '../../../src/adapters/slack/slack-call-metrics.js';

const json = (body: object, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A WebClient whose requests `answer` replies to, counted by `withSlackCallMetrics`. */
function meteredClient(answer: (method: string) => Response | Promise<Response>) {
  const metrics = createMetrics();
  const fetch = async (input: string | URL | Request) => answer(String(input).split('/').at(-1) ?? '');
  const client = withSlackCallMetrics(
    new WebClient('xoxb-test', {
      slackApiUrl: 'http://slack.invalid/api/',
      fetch,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    }),
    metrics,
  );
  const value = async (name: string, labels: string) =>
    Number(
      (await metrics.registry.metrics())
        .split('\n')
        .find((line) => line.startsWith(`${name}{${labels}}`))
        ?.split(' ')
        .at(-1) ?? 0,
    );
  return { client, value };
}

describe('Slack Web API call metrics', () => {
  it('count each call by method, and each failure by method and error, 429s on their own too', async () => {
    const { client, value } = meteredClient((method) => {
      if (method === 'chat.update')
        return json({ ok: false, error: 'ratelimited' }, 429, { 'retry-after': '1' });
      if (method === 'conversations.open') return json({ ok: false, error: 'user_not_found' });
      if (method === 'pins.add') return new Response('bad gateway', { status: 502 });
      if (method === 'users.info') throw new TypeError('fetch failed');
      return json({ ok: true, channel: 'C1', ts: '1.1' });
    });
    await client.chat.postMessage({ channel: 'C1', text: 'hello' });
    await client.chat.postMessage({ channel: 'C1', text: 'again' });
    await expect(client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' })).rejects.toThrow();
    await expect(client.conversations.open({ users: 'U1' })).rejects.toThrow(/user_not_found/);
    await expect(client.pins.add({ channel: 'C1', timestamp: '1.1' })).rejects.toThrow();
    await expect(client.users.info({ user: 'U1' })).rejects.toThrow();

    expect(await value('incident_slack_api_calls_total', 'method="chat.postMessage"')).toBe(2);
    expect(await value('incident_slack_api_errors_total', 'method="chat.postMessage"')).toBe(0);
    expect(await value('incident_slack_api_rate_limited_total', 'method="chat.update"')).toBe(1);
    expect(await value('incident_slack_api_errors_total', 'method="chat.update",error="ratelimited"')).toBe(
      1,
    );
    expect(
      await value('incident_slack_api_errors_total', 'method="conversations.open",error="user_not_found"'),
    ).toBe(1);
    expect(await value('incident_slack_api_errors_total', 'method="pins.add",error="http_502"')).toBe(1);
    expect(await value('incident_slack_api_errors_total', 'method="users.info",error="network"')).toBe(1);
  });
});
