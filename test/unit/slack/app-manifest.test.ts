import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { authorizationUrlFor, BOT_SCOPES } from '../../../src/adapters/slack/bot-scopes.js';

const manifest = parse(
  readFileSync(new URL('../../../deploy/slack-app-manifest.yaml', import.meta.url), 'utf8'),
) as {
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; token_rotation_enabled: boolean };
};

describe('the Slack app manifest (deploy/slack-app-manifest.yaml)', () => {
  it('asks for exactly the bot scopes an OAuth install asks for', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('sends installs back to Bolt’s redirect path, and subscribes to the uninstall events', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://YOUR-HOST/slack/oauth_redirect']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_home_opened', 'reaction_added', 'app_uninstalled', 'tokens_revoked']),
    );
  });

  it('keeps token rotation off: the bot uses a workspace’s bot token as installed', () => {
    expect(manifest.settings.token_rotation_enabled).toBe(false);
  });
});

describe('authorizationUrlFor', () => {
  it('is Slack’s authorize page beside the Web API base', () => {
    expect(authorizationUrlFor('https://slack.com/api/')).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorizationUrlFor('http://127.0.0.1:4000/api/')).toBe(
      'http://127.0.0.1:4000/oauth/v2/authorize',
    );
  });
});
