import type { App } from '@slack/bolt';
import { roleSchema } from '../parse/block-action.js';
import { ASSIGN_ROLE_ACTION_PREFIX, TAKE_ROLE_ACTION } from '../views/header.js';
import type { ListenerDeps } from './deps.js';
import { onBlockAction } from './kit/block-action.js';

const COULD_NOT_READ = { reply: 'Sorry, I could not read that choice. Please try again.' } as const;

/**
 * "Take commander" (and the other roles) and the role pickers on the pinned header. Two people
 * clicking at once are decided one after the other: one gets the role, the other is told who has
 * it. The holder's own pick is a hand-off; who may move a held role is the domain's rule.
 */
export function registerRoles(app: App, deps: ListenerDeps): void {
  onBlockAction(app, deps, {
    actionId: TAKE_ROLE_ACTION,
    locate: 'channel',
    react: ({ action, userId, now }) => {
      const role = roleSchema.safeParse(action.value);
      return role.success
        ? { command: { type: 'TakeRole', actor: userId, now, role: role.data } }
        : COULD_NOT_READ;
    },
  });

  onBlockAction(app, deps, {
    actionId: new RegExp(`^${ASSIGN_ROLE_ACTION_PREFIX.replace('.', '\\.')}`),
    locate: 'channel',
    react: ({ action, userId, now }) => {
      const role = roleSchema.safeParse(action.action_id.slice(ASSIGN_ROLE_ACTION_PREFIX.length));
      const assignee = action.selected_user;
      if (!role.success || !assignee) return COULD_NOT_READ;
      return { command: { type: 'AssignRole', actor: userId, now, role: role.data, assignee } };
    },
  });
}
