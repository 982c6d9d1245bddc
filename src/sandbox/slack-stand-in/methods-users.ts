import { IANAZone } from 'luxon';
import { type MethodHandler, required, SlackApiError } from './method-types.js';
import type { StandInUser } from './workspace.js';

/**
 * Slack's `tz_offset`: the zone's offset from UTC at `now` (so it moves with daylight saving, as
 * Slack's does). Taken at the workspace's clock, so a test that pins the time pins this too; the
 * bot reads only `tz`.
 */
function tzOffsetSeconds(tz: string, now: Date): number {
  return IANAZone.isValidZone(tz) ? IANAZone.create(tz).offset(now.getTime()) * 60 : 0;
}

export function userJson(user: StandInUser, now: Date) {
  return {
    id: user.id,
    name: user.name,
    real_name: user.realName,
    tz: user.tz,
    tz_label: user.tz,
    tz_offset: tzOffsetSeconds(user.tz, now),
    is_bot: user.isBot,
    deleted: false,
    profile: { display_name: user.name, real_name: user.realName },
  };
}

/** auth.test, users.* and usergroups.users.list. */
export const userMethods: Record<string, MethodHandler> = {
  'auth.test': (_args, { workspace, caller }) => ({
    url: 'https://example.slack.com/',
    team: 'Example',
    user: 'incident-commander',
    team_id: caller?.teamId ?? workspace.teamId,
    ...(caller?.enterpriseId ? { enterprise_id: caller.enterpriseId } : {}),
    ...(caller?.isEnterpriseInstall ? { is_enterprise_install: true } : {}),
    user_id: caller?.botUserId ?? workspace.botUserId,
    bot_id: workspace.botId,
  }),

  'users.info': (args, { workspace }) => {
    const user = workspace.user(required(args, 'user'));
    if (!user) throw new SlackApiError('user_not_found');
    return { user: userJson(user, workspace.clock.now()) };
  },

  'users.list': (_args, { workspace }) => ({
    members: [...workspace.users.values()].map((user) => userJson(user, workspace.clock.now())),
    response_metadata: { next_cursor: '' },
  }),

  'usergroups.users.list': (args, { workspace }) => {
    const group = workspace.userGroups.get(required(args, 'usergroup'));
    if (!group) throw new SlackApiError('no_such_subteam');
    return { users: [...group.users] };
  },
};
