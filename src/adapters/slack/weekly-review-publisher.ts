import type { WebClient } from '@slack/web-api';
import type { WeeklyReview } from '../../app/weekly-review.js';
import { postMessage } from './effects/post-message.js';
import { renderWeeklyReview } from './views/weekly-review.js';

/** Posts the weekly review to POSTMORTEM_CHANNEL; without one configured there is nowhere to post. */
export async function publishWeeklyReview(
  client: WebClient,
  channel: string | null,
  review: WeeklyReview,
): Promise<string> {
  if (!channel) return 'not posted: POSTMORTEM_CHANNEL is not set';
  return `posted ${await postMessage(client, channel, renderWeeklyReview(review))} in ${channel}`;
}
