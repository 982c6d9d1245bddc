import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in/index.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const modal = (overrides: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: { type: 'plain_text', text: 'Record a decision' },
  blocks: [section('ok')],
  ...overrides,
});

/** The stand-in refuses what Slack refuses, with Slack's error, so a view over a limit fails end to end. */
describe('the Slack stand-in and Block Kit’s limits', () => {
  let slack: SlackStandIn;
  let client: WebClient;
  let channel: string;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    client = new WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    channel = slack.addChannel({ name: 'limits' });
  });
  afterAll(async () => {
    await slack.stop();
  });

  it('accepts a message within the limits and keeps it', async () => {
    const posted = await client.chat.postMessage({ channel, text: 'fine', blocks: [section('fine')] });
    expect(slack.workspace.message(channel, posted.ts ?? '')?.text).toBe('fine');
  });

  it('refuses messages over a limit with the error Slack gives, and posts nothing', async () => {
    const before = slack.workspace.messages(channel).length;
    const refusals: [Parameters<WebClient['chat']['postMessage']>[0], string][] = [
      [{ channel, text: 'x', blocks: [section('x'.repeat(3001))] }, 'invalid_blocks'],
      [{ channel, text: 'x', blocks: Array.from({ length: 51 }, () => section('x')) }, 'invalid_blocks'],
      [
        {
          channel,
          text: 'x',
          blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }],
        },
        'invalid_blocks',
      ],
      [{ channel, text: 'x'.repeat(40_001) }, 'msg_too_long'],
      [
        { channel, text: 'x', blocks: Array.from({ length: 5 }, () => section('x'.repeat(2500))) },
        'msg_blocks_too_long',
      ],
    ];
    for (const [args, error] of refusals)
      await expect(client.chat.postMessage(args), error).rejects.toMatchObject({
        data: { ok: false, error },
      });
    expect(slack.workspace.messages(channel)).toHaveLength(before);
  });

  it('points at the field it refused, as Slack’s response_metadata does', async () => {
    const blocks = [
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'b'.repeat(76) } }],
      },
    ];
    await expect(client.chat.postMessage({ channel, text: 'x', blocks })).rejects.toMatchObject({
      data: {
        error: 'invalid_blocks',
        response_metadata: {
          messages: [
            '[ERROR] must be at most 75 characters (is 76) [json-pointer:/blocks/0/elements/0/text/text]',
          ],
        },
      },
    });
  });

  it('refuses an update over a limit and leaves the message as it was', async () => {
    const posted = await client.chat.postMessage({ channel, text: 'header', blocks: [section('header')] });
    await expect(
      client.chat.update({ channel, ts: posted.ts ?? '', text: 'y', blocks: [section('y'.repeat(3001))] }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    expect(slack.workspace.message(channel, posted.ts ?? '')?.text).toBe('header');
  });

  it('refuses modals and Home tabs over a limit with invalid_arguments', async () => {
    const input = (element: Record<string, unknown>) => ({
      type: 'input',
      label: { type: 'plain_text', text: 'Why?' },
      element: { type: 'plain_text_input', action_id: 'text', ...element },
    });
    const option = (text: string, value: string) => ({ text: { type: 'plain_text', text }, value });
    const refused = [
      modal({ title: { type: 'plain_text', text: 'A title of twenty-five ch' } }),
      modal({ private_metadata: 'm'.repeat(3001) }),
      modal({ blocks: [input({ max_length: 150, initial_value: 't'.repeat(151) })] }),
      modal({ blocks: [input({ max_length: 3001 })] }),
      modal({
        blocks: [
          {
            ...section('pick'),
            accessory: { type: 'static_select', action_id: 's', options: [option('o'.repeat(76), 'v')] },
          },
        ],
      }),
      modal({
        blocks: [
          {
            ...section('pick'),
            accessory: {
              type: 'static_select',
              action_id: 's',
              options: [option('a', 'a')],
              initial_option: option('b', 'b'),
            },
          },
        ],
      }),
      modal({ blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }),
    ];
    for (const view of refused)
      await expect(client.views.open({ trigger_id: 't', view: view as never })).rejects.toMatchObject({
        data: { error: 'invalid_arguments' },
      });
    await expect(
      client.views.publish({
        user_id: 'U0HOME',
        view: { type: 'home', blocks: [section('h'.repeat(3001))] } as never,
      }),
    ).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    const opened = await client.views.open({ trigger_id: 't', view: modal() as never });
    expect(opened.ok).toBe(true);
  });
});
