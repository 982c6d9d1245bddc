import type { Config } from '../config/config.js';
import { loadConfig } from '../config/load-config.js';
import { SANDBOX_CHANNELS, SENIOR_ENGINEER, VP_OF_ENGINEERING } from './people.js';
import { spedUpTiming } from './timing.js';

/** What a developer may still set for the sandbox's bot; Slack, ports and channels are the sandbox's own. */
const PASSED_THROUGH = [
  'LOG_LEVEL',
  'INCIDENT_COMMAND',
  'DIAGNOSIS_HOLD',
  'ESCALATE_AFTER',
  'POSTMORTEM_DUE',
  'UPDATE_CADENCE',
  'ESCALATION_POLICY',
  'COMMANDER_NUDGE_AFTER',
  'TIMEZONE',
  'WEEKLY_REVIEW',
  'QUEUE_PREFIX',
  'RETENTION',
  'TIMER_RECONCILE_EVERY',
  'OUTBOX_SWEEP_EVERY',
] as const;

export interface SandboxConfigInput {
  readonly env: NodeJS.ProcessEnv;
  readonly slackApiUrl: string;
  readonly signingSecret: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly speed: number;
}

/**
 * The bot's configuration in the sandbox: the stand-in for Slack, the sample channels and people,
 * a BullMQ prefix of its own, a free port, the weekly review off (BullMQ runs it by the calendar,
 * which no speed moves), and the timing `speed` times faster. Parsed by the bot's own loader, so a
 * wrong value is reported as `npm start` would report it.
 */
export function sandboxConfig(input: SandboxConfigInput): Config {
  // Only what is set: an unset variable must leave the sandbox's default (its own queue prefix) in place.
  const given = Object.fromEntries(
    PASSED_THROUGH.flatMap((name) => (input.env[name]?.trim() ? [[name, input.env[name]]] : [])),
  );
  const env = {
    LOG_LEVEL: 'info',
    QUEUE_PREFIX: 'ic-sandbox',
    WEEKLY_REVIEW: 'off',
    OUTBOX_SWEEP_EVERY: 'PT1S',
    ...given,
    SLACK_BOT_TOKEN: 'xoxb-sandbox',
    SLACK_SIGNING_SECRET: input.signingSecret,
    SLACK_API_URL: input.slackApiUrl,
    DATABASE_URL: input.databaseUrl,
    REDIS_URL: input.redisUrl,
    PORT: '0',
    ANNOUNCE_CHANNEL: SANDBOX_CHANNELS.announce.id,
    STAKEHOLDER_CHANNEL: SANDBOX_CHANNELS.stakeholder.id,
    POSTMORTEM_CHANNEL: SANDBOX_CHANNELS.postmortem.id,
    ESCALATION_SENIOR: SENIOR_ENGINEER,
    ESCALATION_EXEC: VP_OF_ENGINEERING,
  };
  const atRealPace = loadConfig(env);
  return loadConfig({ ...env, ...spedUpTiming(atRealPace.timing, input.speed) });
}
