import type { WebClient } from '@slack/web-api';
import { slackErrorCode } from './slack-errors.js';

/** Metadata the bot posts a message with, naming the incident it belongs to. */
export const incidentMetadata = (eventType: string, incidentId: string) => ({
  event_type: eventType,
  event_payload: { incident_id: incidentId },
});

/**
 * A message the bot posted earlier with this metadata, among the channel's latest: how a retry
 * after a crash (posted, never recorded) finds what it already posted. Null when there is none,
 * or when the app may not read the history (then a second post is the lesser harm than none).
 */
export async function findPostedMessage(
  client: WebClient,
  channel: string,
  eventType: string,
  incidentId: string,
  limit: number,
): Promise<string | null> {
  const history = await client.conversations
    .history({ channel, limit, include_all_metadata: true })
    .catch((error: unknown) => {
      if (slackErrorCode(error) === 'missing_scope') return null;
      throw error;
    });
  const found = history?.messages?.find(
    (m) =>
      m.metadata?.event_type === eventType &&
      (m.metadata.event_payload as { incident_id?: unknown } | undefined)?.incident_id === incidentId,
  );
  return found?.ts ?? null;
}
