import type { ResponseTarget } from './ephemerals.js';
import { text } from './method-types.js';
import type { Workspace } from './workspace.js';

/**
 * Shows an app's answer to a person's interaction as Slack does: in the channel for everyone
 * (`response_type: 'in_channel'`), else only to that person (a slash command's ack body, a post
 * to a response URL).
 */
export function showAnswer(
  workspace: Workspace,
  target: ResponseTarget,
  args: Record<string, unknown>,
): void {
  const body = { text: text(args, 'text'), blocks: args.blocks ?? null };
  if (args.response_type === 'in_channel') {
    workspace.addMessage(target.channel, { user: workspace.botUserId, botId: workspace.botId, ...body });
  } else {
    workspace.addEphemeral({ userId: target.userId, channel: target.channel, ...body });
  }
  workspace.changes.notify();
}

/** A post to a response URL handed out with a target; URLs without one (most tests') only record it. */
export function showResponse(workspace: Workspace, responseId: string, args: Record<string, unknown>): void {
  const target = workspace.ephemerals.targetOf(responseId);
  if (target) showAnswer(workspace, target, args);
}
