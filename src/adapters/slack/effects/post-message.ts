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
