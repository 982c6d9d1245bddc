import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../views/format.js';
import { callSlack } from './slack-errors.js';

/** Posts a message (links not unfurled) and returns its `ts`; a 429 becomes the outbox's retry signal. */
export async function postMessage(
  client: WebClient,
  channel: string,
  message: SlackMessage,
): Promise<string> {
  const { ts } = await callSlack(() => client.chat.postMessage({ channel, unfurl_links: false, ...message }));
  if (!ts) throw new Error('chat.postMessage returned no ts');
  return ts;
}

/** Posts to a person's direct messages with the bot; returns what it did, for the record. */
export async function postDirectMessage(
  client: WebClient,
  user: string,
  message: SlackMessage,
): Promise<string> {
  const opened = await callSlack(() => client.conversations.open({ users: user }));
  const channel = opened.channel?.id;
  if (!channel) throw new Error(`conversations.open gave no channel for ${user}`);
  return `posted ${await postMessage(client, channel, message)} in ${channel}`;
}
