import type { ReviewAudience, ReviewPublisher } from '../../app/weekly-review.js';
import { postDirectMessage, postMessage } from './effects/post-message.js';
import type { SlackClients } from './slack-clients.js';
import type { SlackMessage } from './views/format.js';
import { renderWeeklyReview } from './views/weekly-review.js';

/**
 * The weekly review in Slack, for every workspace this deployment serves (the one its token
 * belongs to, or each installed one), each posted with its own workspace's token: its review goes
 * to POSTMORTEM_CHANNEL (without one there is nowhere to post it), and each private incident's
 * follow-ups to their owners by direct message.
 */
export function createWeeklyReviewPublisher(
  clients: Pick<SlackClients, 'clientFor' | 'teams'>,
  channel: string | null,
): ReviewPublisher<SlackMessage> {
  return {
    teams: () => clients.teams(),
    reaches: (audience: ReviewAudience) => audience.kind === 'owner' || channel !== null,
    messagesOf: renderWeeklyReview,
    send: async (message, audience) => {
      const client = await clients.clientFor(audience.teamId, 'effects');
      if (audience.kind === 'owner') return postDirectMessage(client, audience.owner, message);
      if (!channel) throw new Error('POSTMORTEM_CHANNEL is not set');
      return `posted ${await postMessage(client, channel, message)} in ${channel}`;
    },
  };
}
