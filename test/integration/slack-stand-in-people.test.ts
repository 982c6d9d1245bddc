import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in/index.js';

const modal = (title: string) => ({
  type: 'modal' as const,
  callback_id: 'x',
  title: { type: 'plain_text' as const, text: title },
  blocks: [],
});

/** What the stand-in keeps for the people in it (the sandbox page shows it): modals, ephemerals, reactions, changes. */
describe('the Slack stand-in, as people see it', () => {
  let slack: SlackStandIn;
  let client: WebClient;
  let clock = Date.parse('2026-06-16T10:00:00Z');

  beforeAll(async () => {
    slack = await startSlackStandIn({ clock: { now: () => new Date(clock) } });
    client = new WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await slack.stop();
  });

  it('shows a modal opened with an issued trigger to its person, stacks a pushed one, refuses a stale trigger', async () => {
    const { workspace } = slack;
    const opened = await client.views.open({
      trigger_id: workspace.triggers.issue('U0DANA'),
      view: modal('One'),
    });
    const pushed = await client.views.push({
      trigger_id: workspace.triggers.issue('U0DANA'),
      view: modal('Two'),
    });
    expect(workspace.modals.stack('U0DANA')).toEqual([opened.view?.id, pushed.view?.id]);
    expect(workspace.modals.stack('U0ALEX')).toEqual([]);

    const stale = workspace.triggers.issue('U0DANA');
    clock += 3_001;
    await expect(client.views.open({ trigger_id: stale, view: modal('Late') })).rejects.toMatchObject({
      data: { error: 'expired_trigger_id' },
    });
    // Trigger ids the stand-in never issued (the tests' own) open for nobody, at any age.
    await client.views.open({ trigger_id: '1.2.3', view: modal('Test') });
    expect(workspace.modals.stack('U0DANA')).toHaveLength(2);
  });

  it('shows ephemerals only to their person, from chat.postEphemeral and from a targeted response URL', async () => {
    const channel = slack.addChannel({ name: 'ops', members: ['U0DANA', 'U0ALEX'] });
    await client.chat.postEphemeral({ channel, user: 'U0DANA', text: 'only Dana' });
    const url = slack.responseUrl(undefined, { userId: 'U0ALEX', channel });
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: 'only Alex' }),
    });
    const seen = (user: string) => slack.workspace.ephemerals.of(user, channel).map((m) => m.text);
    expect(seen('U0DANA')).toEqual(['only Dana']);
    expect(seen('U0ALEX')).toEqual(['only Alex']);
  });

  it('tells its watchers of each change, and not of reads', async () => {
    let changes = 0;
    const stop = slack.workspace.changes.subscribe(() => {
      changes += 1;
    });
    const channel = slack.addChannel({ name: 'watched' });
    const { ts } = await client.chat.postMessage({ channel, text: 'hello' });
    await client.conversations.history({ channel });
    expect(changes).toBe(1);
    await client.reactions.add({ channel, timestamp: ts ?? '', name: 'pushpin' });
    expect(changes).toBe(2);
    const [message] = (await client.conversations.history({ channel })).messages ?? [];
    expect(message?.reactions).toEqual([{ name: 'pushpin', users: ['UBOT'], count: 1 }]);
    stop();
  });
});
