import { text } from './method-types.js';
import type { Workspace } from './workspace.js';

/**
 * Shows what the app posted to a response URL handed out for a person's interaction, as Slack
 * does: in the channel for everyone (`in_channel`), else only to that person. URLs handed out
 * without a target (most tests') only record the post.
 */
export function showResponse(workspace: Workspace, responseId: string, args: Record<string, unknown>): void {
  const target = workspace.ephemerals.targetOf(responseId);
  if (!target) return;
  const body = { text: text(args, 'text'), blocks: args.blocks ?? null };
  if (args.response_type === 'in_channel') {
    workspace.addMessage(target.channel, { user: workspace.botUserId, botId: workspace.botId, ...body });
  } else {
    workspace.addEphemeral({ userId: target.userId, channel: target.channel, ...body });
  }
  workspace.changes.notify();
}
