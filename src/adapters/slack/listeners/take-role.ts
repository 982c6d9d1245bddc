import type { App } from '@slack/bolt';
import { blockActionSchema, roleSchema, teamOf } from '../parse/block-action.js';
import { TAKE_ROLE_ACTION } from '../views/header.js';
import type { ListenerDeps } from './deps.js';
import { replyPrivately } from './reply.js';

/**
 * "Take commander" (and the other roles) on the pinned header. Two people clicking at once are
 * decided one after the other: one gets the role, the other is told who has it.
 */
export function registerTakeRole(app: App, deps: ListenerDeps): void {
  app.action(TAKE_ROLE_ACTION, async ({ body, ack, respond }) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    const action = parsed.success ? parsed.data.actions[0] : undefined;
    const role = roleSchema.safeParse(action?.value);
    const teamId = parsed.success ? teamOf(parsed.data) : null;
    const channelId = parsed.success
      ? (parsed.data.container.channel_id ?? parsed.data.channel?.id)
      : undefined;
    if (!parsed.success || !role.success || !teamId || !channelId) {
      deps.logger.warn({ issues: parsed.error?.issues }, 'take-role payload did not parse');
      await replyPrivately(respond, 'Sorry, I could not read that button. Please try again.', deps.logger);
      return;
    }
    const incident = await deps.store.findByChannel(teamId, channelId);
    if (!incident) {
      await replyPrivately(respond, 'This button belongs to no incident I know of.', deps.logger);
      return;
    }
    const outcome = await deps.handleCommand(incident.id, {
      type: 'TakeRole',
      actor: parsed.data.user.id,
      now: deps.clock.now().toISOString(),
      role: role.data,
    });
    if (!outcome.ok) await replyPrivately(respond, outcome.rejection.message, deps.logger);
  });
}
