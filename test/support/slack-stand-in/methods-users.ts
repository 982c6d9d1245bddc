import { type MethodHandler, required, SlackApiError } from './method-types.js';
import type { StandInUser } from './workspace.js';

function tzOffsetSeconds(tz: string): number {
  const now = new Date();
  const local = new Date(now.toLocaleString('en-US', { timeZone: tz }));
  const utc = new Date(now.toLocaleString('en-US', { timeZone: 'UTC' }));
  return Math.round((local.getTime() - utc.getTime()) / 1000);
}

export function userJson(user: StandInUser) {
  return {
    id: user.id,
    name: user.name,
    real_name: user.realName,
    tz: user.tz,
    tz_label: user.tz,
    tz_offset: tzOffsetSeconds(user.tz),
    is_bot: user.isBot,
    deleted: false,
    profile: { display_name: user.name, real_name: user.realName },
  };
}

/** auth.test, users.* and usergroups.users.list. */
export const userMethods: Record<string, MethodHandler> = {
  'auth.test': (_args, { workspace }) => ({
    url: 'https://example.slack.com/',
    team: 'Example',
    user: 'incident-commander',
    team_id: workspace.teamId,
    user_id: workspace.botUserId,
    bot_id: workspace.botId,
  }),

  'users.info': (args, { workspace }) => {
    const user = workspace.user(required(args, 'user'));
    if (!user) throw new SlackApiError('user_not_found');
    return { user: userJson(user) };
  },

  'users.list': (_args, { workspace }) => ({
    members: [...workspace.users.values()].map(userJson),
    response_metadata: { next_cursor: '' },
  }),

  'usergroups.users.list': (args, { workspace }) => {
    const group = workspace.userGroups.get(required(args, 'usergroup'));
    if (!group) throw new SlackApiError('no_such_subteam');
    return { users: [...group.users] };
  },
};
