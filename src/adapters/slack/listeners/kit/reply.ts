import type { RespondFn } from '@slack/bolt';
import type { Logger } from '../../../../app/ports/logger.js';

/**
 * Answers the person privately through the request's response_url. One that cannot be delivered
 * (expired, used five times, Slack down) is logged, never thrown: what it reports already happened.
 */
export async function replyPrivately(
  respond: RespondFn | undefined,
  text: string,
  logger: Logger,
): Promise<void> {
  if (!respond) return;
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  } catch (error) {
    logger.warn({ err: error }, 'could not deliver an ephemeral reply');
  }
}

/** The ack body of a slash command: an ephemeral answer to the person who typed it. */
export const ephemeral = (text: string) => ({ response_type: 'ephemeral' as const, text });
