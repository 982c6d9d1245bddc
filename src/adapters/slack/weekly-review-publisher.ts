import type { WebClient } from '@slack/web-api';
import type { WeeklyReview } from '../../app/weekly-review.js';
import { callSlack } from './effects/slack-errors.js';
import { renderWeeklyReview } from './views/weekly-review.js';

/** Posts the weekly review to POSTMORTEM_CHANNEL; without one configured there is nowhere to post. */
export async function publishWeeklyReview(
  client: WebClient,
  channel: string | null,
  review: WeeklyReview,
): Promise<string> {
  if (!channel) return 'not posted: POSTMORTEM_CHANNEL is not set';
  const { ts } = await callSlack(() =>
    client.chat.postMessage({ channel, unfurl_links: false, ...renderWeeklyReview(review) }),
  );
  return `posted ${ts ?? ''} in ${channel}`;
}
