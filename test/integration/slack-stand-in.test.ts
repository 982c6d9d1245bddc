import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSlashCommand, signSlackBody } from '../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in/index.js';

/** The stand-in must behave like Slack for the real WebClient, or the e2e tests prove nothing. */
describe('the Slack stand-in, driven by the real WebClient', () => {
  let slack: SlackStandIn;
  let client: WebClient;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    client = new WebClient('xoxb-test', {
      slackApiUrl: slack.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
  });
  afterAll(async () => {
    await slack.stop();
  });

  it('creates channels and refuses a taken name', async () => {
    const created = await client.conversations.create({ name: 'inc-1-db' });
    expect(created.channel?.id).toMatch(/^C[A-Z0-9]{10}$/);
    await expect(client.conversations.create({ name: 'inc-1-db' })).rejects.toMatchObject({
      data: { error: 'name_taken' },
    });
    await expect(client.conversations.create({ name: 'Has Spaces' })).rejects.toMatchObject({
      data: { error: 'invalid_name_specials' },
    });
  });

  it('invites, and answers already_in_channel when nobody new is invited', async () => {
    const channel = slack.addChannel({ name: 'invites' });
    await client.conversations.invite({ channel, users: 'U0A,U0B' });
    await expect(client.conversations.invite({ channel, users: 'U0A' })).rejects.toMatchObject({
      data: { error: 'already_in_channel' },
    });
  });

  it('posts with increasing ts, updates in place, pins once', async () => {
    const channel = slack.addChannel({ name: 'posts' });
    const first = await client.chat.postMessage({
      channel,
      text: 'one',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'one' } }],
    });
    const second = await client.chat.postMessage({ channel, text: 'two' });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(slack.callsTo('chat.postMessage')[0]?.args.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'one' } },
    ]);
    await client.chat.update({ channel, ts: first.ts ?? '', text: 'one, edited' });
    expect(slack.workspace.message(channel, first.ts ?? '')?.text).toBe('one, edited');
    await expect(client.chat.update({ channel, ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    await client.pins.add({ channel, timestamp: first.ts ?? '' });
    await expect(client.pins.add({ channel, timestamp: first.ts ?? '' })).rejects.toMatchObject({
      data: { error: 'already_pinned' },
    });
  });

  it('knows users with time zones, and user groups', async () => {
    slack.addUser({ id: 'U0TOKYO', name: 'kenji', tz: 'Asia/Tokyo' });
    slack.addUserGroup({ id: 'S0ONCALL', handle: 'oncall', users: ['U0A', 'U0B'] });
    expect((await client.users.info({ user: 'U0TOKYO' })).user).toMatchObject({
      tz: 'Asia/Tokyo',
      tz_offset: 9 * 3600,
    });
    expect((await client.usergroups.users.list({ usergroup: 'S0ONCALL' })).users).toEqual(['U0A', 'U0B']);
    await expect(client.usergroups.users.list({ usergroup: 'S0NOPE' })).rejects.toMatchObject({
      data: { error: 'no_such_subteam' },
    });
  });

  it('answers at its own clock: tz_offset follows daylight saving at that instant, message ts is that instant', async () => {
    for (const [at, londonOffset] of [
      ['2026-01-13T12:00:00.000Z', 0],
      ['2026-07-14T12:00:00.000Z', 3600],
    ] as const) {
      const pinned = await startSlackStandIn({ clock: { now: () => new Date(at) } });
      try {
        const pinnedClient = new WebClient('xoxb-test', {
          slackApiUrl: pinned.url,
          retryConfig: { retries: 0 },
        });
        pinned.addUser({ id: 'U0LONDON', name: 'ada', tz: 'Europe/London' });
        expect((await pinnedClient.users.info({ user: 'U0LONDON' })).user).toMatchObject({
          tz_offset: londonOffset,
        });
        const channel = pinned.addChannel({ name: 'pinned-time' });
        const posted = await pinnedClient.chat.postMessage({ channel, text: 'now' });
        expect(Math.floor(Number(posted.ts))).toBe(Date.parse(at) / 1000);
      } finally {
        await pinned.stop();
      }
    }
  });

  it('keeps the latest Home tab per user', async () => {
    await client.views.publish({ user_id: 'U0HOME', view: { type: 'home', blocks: [] } });
    await client.views.publish({ user_id: 'U0HOME', view: { type: 'home', blocks: [{ type: 'divider' }] } });
    expect(slack.workspace.homeViews.get('U0HOME')).toEqual({ type: 'home', blocks: [{ type: 'divider' }] });
  });

  it('accepts a file upload and keeps its content readable', async () => {
    const channel = slack.addChannel({ name: 'files' });
    await client.files.uploadV2({
      channel_id: channel,
      content: '# Postmortem\n\nAll good.',
      filename: 'pm.md',
      title: 'Postmortem',
    });
    const file = [...slack.workspace.files.values()].find((f) => f.filename === 'pm.md');
    expect(file?.content).toBe('# Postmortem\n\nAll good.');
    expect(file?.channel).toBe(channel);
  });

  it('answers 429 with Retry-After when told to, and the WebClient sees it', async () => {
    slack.rateLimit('chat.postMessage', 7);
    const channel = slack.addChannel({ name: 'limited' });
    const error = await client.chat.postMessage({ channel, text: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    await expect(client.chat.postMessage({ channel, text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('fails a method on demand, a given number of times', async () => {
    slack.failMethod('conversations.info', 'internal_error', 2);
    const channel = slack.addChannel({ name: 'flaky' });
    await expect(client.conversations.info({ channel })).rejects.toMatchObject({
      data: { error: 'internal_error' },
    });
    await expect(client.conversations.info({ channel })).rejects.toMatchObject({
      data: { error: 'internal_error' },
    });
    await expect(client.conversations.info({ channel })).resolves.toMatchObject({ ok: true });
    expect(slack.callsTo('conversations.info')).toHaveLength(3);
  });

  it('adds latency on demand', async () => {
    slack.setLatency('auth.test', 150);
    const started = performance.now();
    await client.auth.test();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    slack.resetFaults();
  });

  it('waits for a call made later, and says what it saw when none comes', async () => {
    const waiting = slack.waitForCall('bookmarks.add');
    const channel = slack.addChannel({ name: 'bookmarks' });
    await client.bookmarks.add({
      channel_id: channel,
      title: 'Runbook',
      type: 'link',
      link: 'https://example.com',
    });
    await expect(waiting).resolves.toMatchObject({ method: 'bookmarks.add' });
    await expect(slack.waitForCall('views.open', undefined, 50)).rejects.toThrow(
      /no matching views.open call within 50 ms; calls seen: .*bookmarks.add/,
    );
  });
});

describe('signed requests', () => {
  it('sign as Slack documents: v0= HMAC-SHA256 of v0:timestamp:body', () => {
    const expected = `v0=${createHmac('sha256', 'secret').update('v0:1531420618:token=x&text=y').digest('hex')}`;
    expect(signSlackBody('secret', 1531420618, 'token=x&text=y')).toBe(expected);
  });

  it('send slash commands with the bare form content type Bolt accepts', async () => {
    let seen: { headers: IncomingHttpHeaders; body: string } | undefined;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        seen = { headers: req.headers, body };
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await sendSlashCommand(
      { url: `http://127.0.0.1:${port}/`, signingSecret: 'secret' },
      { text: 'open Test' },
    );
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(seen?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const timestamp = Number(seen?.headers['x-slack-request-timestamp']);
    expect(seen?.headers['x-slack-signature']).toBe(signSlackBody('secret', timestamp, seen?.body ?? ''));
    expect(new URLSearchParams(seen?.body).get('text')).toBe('open Test');
  });
});
