import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/bot-process.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  let t: BotUnderTest;

  beforeAll(async () => {
    // No signing secret: Socket Mode needs none. The connection URL comes from the stand-in.
    t = await startBotUnderTest({
      env: { SLACK_APP_TOKEN: 'xapp-test-token', SLACK_SIGNING_SECRET: '', PORT: String(await freePort()) },
    });
    await t.slack.socketMode.connected();
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** `/incident <text>` as a Socket Mode envelope; what the bot acknowledged it with. */
  const slash = (text: string, triggerId: string) =>
    t.slack.socketMode.send('slash_commands', {
      team_id: 'T0001',
      channel_id: 'C2147483705',
      user_id: 'U0SOCKET',
      command: '/incident',
      text,
      response_url: t.slack.responseUrl(),
      trigger_id: triggerId,
    });

  it('opens its connection through SLACK_API_URL with the app token', async () => {
    const open = await t.slack.waitForCall('apps.connections.open');
    expect(open.token).toBe('xapp-test-token');
  });

  it('opens an incident from a slash command envelope and acknowledges it', async () => {
    const ack = await slash('open Socket mode outage', '1.2.3');
    // The answer comes with the ack: the incident is saved by then.
    expect(ack).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Opening *INC-1*'),
    });
    const created = await t.slack.waitForCall('conversations.create');
    expect(created.args.name).toBe('inc-1-socket-mode-outage');
    await t.slack.waitForCall('pins.add');
  });

  it('answers help in the acknowledgement itself', async () => {
    const ack = await slash('help', '1.2.4');
    expect(JSON.stringify(ack)).toContain('open &lt;title&gt;');
  });

  it('serves /healthz, /readyz and /metrics on PORT', async () => {
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(200);
  });
});
