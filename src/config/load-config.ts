import type { Config } from './config.js';
import { crossVariableProblems, envSchema } from './env-schema.js';
import { escalationPolicyFrom } from './escalation-policy.js';
import { redactSecrets } from './redact-secrets.js';
import { DEFAULT_UPDATE_CADENCE } from './update-cadence.js';

/**
 * Thrown when the environment cannot be used; `problems` holds one line per variable, with any
 * password or Slack token that a line would echo hidden (they end up on stderr and in log archives).
 */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const redacted = problems.map(redactSecrets);
    super(`Invalid configuration:\n${redacted.join('\n')}`);
    this.problems = redacted;
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into a frozen {@link Config}. Every problem is reported at once, one line
 * per variable, so an operator fixes the file in one pass instead of one restart per mistake.
 */
export function loadConfig(environment: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  const problems = [
    ...(parsed.error?.issues ?? []).map((issue) => {
      const variable = issue.path.length > 0 ? issue.path.join('.') : 'environment';
      const missing = typeof issue.path[0] === 'string' && !(issue.path[0] in present);
      return `${variable}: ${missing ? 'required' : issue.message}`;
    }),
    ...crossVariableProblems(present),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const env = parsed.data;
  return deepFreeze({
    slack: {
      botToken: env.SLACK_BOT_TOKEN ?? null,
      oauth:
        env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET
          ? {
              clientId: env.SLACK_CLIENT_ID,
              clientSecret: env.SLACK_CLIENT_SECRET,
              stateSecret: env.SLACK_STATE_SECRET,
            }
          : null,
      signingSecret: env.SLACK_SIGNING_SECRET ?? null,
      appToken: env.SLACK_APP_TOKEN ?? null,
      apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`,
      command: env.INCIDENT_COMMAND,
    },
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    timing: {
      diagnosisHold: env.DIAGNOSIS_HOLD,
      escalateAfter: env.ESCALATE_AFTER,
      postmortemDue: env.POSTMORTEM_DUE,
      updateCadence: env.UPDATE_CADENCE ?? DEFAULT_UPDATE_CADENCE,
      escalationPolicy: escalationPolicyFrom(env.ESCALATION_POLICY, env.ESCALATE_AFTER),
      commanderNudgeAfter: env.COMMANDER_NUDGE_AFTER,
      timerReconcileEvery: env.TIMER_RECONCILE_EVERY,
      outboxSweepEvery: env.OUTBOX_SWEEP_EVERY,
    },
    channels: {
      announce: env.ANNOUNCE_CHANNEL ?? null,
      stakeholder: env.STAKEHOLDER_CHANNEL ?? null,
      postmortem: env.POSTMORTEM_CHANNEL ?? null,
    },
    escalation: { senior: env.ESCALATION_SENIOR, exec: env.ESCALATION_EXEC },
    timezone: env.TIMEZONE,
    weeklyReview: env.WEEKLY_REVIEW,
    migrateOnStart: env.MIGRATE_ON_START,
    retention: env.RETENTION,
    timelineRetention: env.TIMELINE_RETENTION,
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const nested of Object.values(value)) deepFreeze(nested);
    Object.freeze(value);
  }
  return value;
}
