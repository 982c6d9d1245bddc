import type { App } from '@slack/bolt';
import { blockActionSchema, roleSchema, teamOf } from '../parse/block-action.js';
import { ASSIGN_ROLE_ACTION_PREFIX } from '../views/header.js';
import type { ListenerDeps } from './deps.js';
import { replyPrivately } from './reply.js';

/**
 * The role pickers on the header. The holder picking someone hands the role off (the previous
 * holder stays on record); anyone else picking assigns it.
 */
export function registerAssignRole(app: App, deps: ListenerDeps): void {
  app.action(
    new RegExp(`^${ASSIGN_ROLE_ACTION_PREFIX.replace('.', '\\.')}`),
    async ({ body, ack, respond }) => {
      await ack();
      const parsed = blockActionSchema.safeParse(body);
      const action = parsed.success ? parsed.data.actions[0] : undefined;
      const role = roleSchema.safeParse(action?.action_id.slice(ASSIGN_ROLE_ACTION_PREFIX.length));
      const teamId = parsed.success ? teamOf(parsed.data) : null;
      const channelId = parsed.success
        ? (parsed.data.container.channel_id ?? parsed.data.channel?.id)
        : undefined;
      const assignee = action?.selected_user;
      if (!parsed.success || !role.success || !teamId || !channelId || !assignee) {
        deps.logger.warn({ issues: parsed.error?.issues }, 'role picker payload did not parse');
        return replyPrivately(respond, 'Sorry, I could not read that choice. Please try again.', deps.logger);
      }
      const incident = await deps.store.findByChannel(teamId, channelId);
      if (!incident)
        return replyPrivately(respond, 'This picker belongs to no incident I know of.', deps.logger);
      // The domain records the holder's own pick as a hand-off, decided inside the transaction.
      const outcome = await deps.handleCommand(incident.id, {
        type: 'AssignRole',
        actor: parsed.data.user.id,
        now: deps.clock.now().toISOString(),
        role: role.data,
        assignee,
      });
      if (!outcome.ok) await replyPrivately(respond, outcome.rejection.message, deps.logger);
    },
  );
}
