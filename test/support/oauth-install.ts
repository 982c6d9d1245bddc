import type { Approval } from './slack-stand-in/index.js';

/** The app's credentials as a test's stand-in and bot share them. */
export const OAUTH_APP = {
  clientId: '1111111111.2222222222',
  clientSecret: 'test-client-secret',
  stateSecret: 'test-state-secret-long-enough',
} as const;

/** The environment for a bot serving several workspaces through OAuth (no SLACK_BOT_TOKEN). */
export const OAUTH_ENV: Readonly<Record<string, string>> = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: OAUTH_APP.clientId,
  SLACK_CLIENT_SECRET: OAUTH_APP.clientSecret,
  SLACK_STATE_SECRET: OAUTH_APP.stateSecret,
};

/**
 * Installs the app into a workspace the way a person's browser does: `/slack/install` on the bot
 * (which sets the state cookie and sends the browser to Slack's authorize page), approval there
 * (the stand-in approves for `approval.teamId`), then back to `/slack/oauth_redirect` with the
 * code and the cookie, where Bolt exchanges the code and stores the installation.
 * Resolves with the bot's answer to the redirect (its success or failure page).
 */
export async function installThroughOAuth(
  botBaseUrl: string,
  approval: Approval,
): Promise<{ status: number; body: string }> {
  const start = await fetch(`${botBaseUrl}/slack/install`, { redirect: 'manual' });
  const authorize = start.headers.get('location');
  if (start.status !== 302 || !authorize)
    throw new Error(`/slack/install answered ${start.status}: ${await start.text()}`);
  const cookie = start.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const page = new URL(authorize);
  page.searchParams.set('team', approval.teamId);
  if (approval.enterpriseId) page.searchParams.set('enterprise', approval.enterpriseId);
  if (approval.orgWide) page.searchParams.set('org_wide', 'true');
  if (!page.searchParams.has('redirect_uri'))
    page.searchParams.set('redirect_uri', `${botBaseUrl}/slack/oauth_redirect`);
  const approved = await fetch(page, { redirect: 'manual' });
  const callback = approved.headers.get('location');
  if (approved.status !== 302 || !callback)
    throw new Error(`the authorize page answered ${approved.status}: ${await approved.text()}`);
  const done = await fetch(callback, { headers: { cookie }, redirect: 'manual' });
  return { status: done.status, body: await done.text() };
}
