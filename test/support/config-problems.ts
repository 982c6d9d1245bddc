import { ConfigError, loadConfig } from '../../src/config/load-config.js';

/** The least environment the bot starts with (HTTP mode). */
export const MINIMAL_ENV = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret' };

/** The lines a refused configuration reports; throws when it is accepted. */
export function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}
