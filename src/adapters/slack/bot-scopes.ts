/**
 * The bot scopes an OAuth install asks for. The same list as `deploy/slack-app-manifest.yaml`
 * (a test keeps them equal): a scope missing here would be missing from every workspace installed
 * through `/slack/install`.
 */
export const BOT_SCOPES: readonly string[] = [
  'commands',
  'chat:write',
  'chat:write.public',
  'channels:manage',
  'groups:write',
  'channels:read',
  'groups:read',
  'channels:write.invites',
  'groups:write.invites',
  'channels:history',
  'groups:history',
  'pins:write',
  'bookmarks:write',
  'reactions:read',
  'usergroups:read',
  'users:read',
  'im:write',
  'files:write',
];

/** Where people are sent to approve an install: Slack's authorize page, beside the Web API (SLACK_API_URL). */
export function authorizationUrlFor(apiUrl: string): string {
  return new URL('../oauth/v2/authorize', apiUrl).toString();
}
