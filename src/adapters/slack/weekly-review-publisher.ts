import type { WebClient } from '@slack/web-api';
import type { ReviewAudience, ReviewPublisher } from '../../app/weekly-review.js';
import { postDirectMessage, postMessage } from './effects/post-message.js';
import { callSlack } from './effects/slack-errors.js';
import type { SlackMessage } from './views/format.js';
import { renderWeeklyReview } from './views/weekly-review.js';

/**
 * The weekly review in Slack. This deployment serves the workspace its token belongs to (asked
 * once, `auth.test`): that workspace's review goes to POSTMORTEM_CHANNEL (without one there is
 * nowhere to post it), and each private incident's follow-ups to their owners by direct message.
 */
export function createWeeklyReviewPublisher(
  client: WebClient,
  channel: string | null,
): ReviewPublisher<SlackMessage> {
  let team: Promise<string> | null = null;
  const ownTeam = () => {
    team ??= callSlack(() => client.auth.test()).then(
      (answer) => answer.team_id ?? '',
      (error: unknown) => {
        team = null;
        throw error;
      },
    );
    return team;
  };
  return {
    teams: async () => [await ownTeam()].filter(Boolean),
    reaches: (audience: ReviewAudience) => audience.kind === 'owner' || channel !== null,
    messagesOf: renderWeeklyReview,
    send: async (message, audience) => {
      if (audience.kind === 'owner') return postDirectMessage(client, audience.owner, message);
      if (!channel) throw new Error('POSTMORTEM_CHANNEL is not set');
      return `posted ${await postMessage(client, channel, message)} in ${channel}`;
    },
  };
}
