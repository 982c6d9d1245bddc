import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/bot-process.js';
import { BOT_USER_ID, type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { installThroughOAuth, OAUTH_APP, OAUTH_ENV } from '../support/oauth-install.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in/index.js';

const TEAM = 'T0SOCKET';

/** Several workspaces in Socket Mode: the install pages are served on PORT beside the health routes. */
describe('Socket Mode serving workspaces installed through OAuth', () => {
  let slack: SlackStandIn;
  let t: BotUnderTest;

  beforeAll(async () => {
    slack = await startSlackStandIn({ botUserId: BOT_USER_ID, oauth: OAUTH_APP });
    t = await startBotUnderTest({
      slack,
      env: {
        ...OAUTH_ENV,
        SLACK_APP_TOKEN: 'xapp-test-token',
        SLACK_SIGNING_SECRET: '',
        PORT: String(await freePort()),
      },
    });
    await slack.socketMode.connected();
  });
  afterAll(async () => {
    await t?.stop();
    await slack?.stop();
  });

  it('installs a workspace on PORT and answers its slash command with its own token', async () => {
    expect((await installThroughOAuth(t.baseUrl, { teamId: TEAM })).status).toBe(200);
    const ack = await slack.socketMode.send('slash_commands', {
      team_id: TEAM,
      channel_id: 'C0GENERAL',
      user_id: 'U0SOCKET',
      command: '/incident',
      text: 'open Socket and OAuth',
      response_url: slack.responseUrl(),
      trigger_id: '1.2.3',
    });
    expect(ack).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Opening *INC-1*'),
    });
    const created = await slack.waitForCall('conversations.create');
    expect(created.teamId).toBe(TEAM);
    expect(created.token).toBe(slack.oauth.tokensOf(TEAM)[0]);
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });
});
