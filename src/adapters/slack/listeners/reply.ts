import type { RespondFn } from '@slack/bolt';
import type { Logger } from '../../../app/ports/logger.js';

/**
 * Answers the person privately. A reply that cannot be delivered (the response_url expired or was
 * used five times) is logged, never thrown: the change it reports has already been committed.
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
