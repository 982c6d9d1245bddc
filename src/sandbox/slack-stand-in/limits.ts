import { messageRefusal, viewRefusal } from './block-kit-limits.js';
import { type Args, SlackApiError } from './method-types.js';

/** Refuses a message Slack would refuse (`invalid_blocks`, `msg_too_long`, `msg_blocks_too_long`). */
export function acceptMessage(args: Args): void {
  const refusal = messageRefusal(args);
  if (refusal) throw new SlackApiError(refusal.error, refusal.messages);
}

/** Refuses a modal or Home tab Slack would refuse (`invalid_arguments`, with pointers at the fields). */
export function acceptView(view: unknown): void {
  const refusal = viewRefusal(view);
  if (refusal) throw new SlackApiError(refusal.error, refusal.messages);
}
