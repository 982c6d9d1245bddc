import { IANAZone } from 'luxon';
import { z } from 'zod';
import { parseEscalationPolicy } from './escalation-policy.js';
import { parseIsoDuration } from './iso-duration.js';
import { parseUpdateCadence } from './update-cadence.js';
import { quoted, urlValue } from './url-value.js';
import { parseWeeklyReview } from './weekly-review.js';

const isoDuration = (example: string) =>
  z.string().transform((text, ctx) => {
    const ms = parseIsoDuration(text.trim());
    if (ms === null) {
      ctx.addIssue({
        code: 'custom',
        message: `expected an ISO-8601 duration like ${example}, got ${quoted(text)}`,
      });
      return z.NEVER;
    }
    return ms;
  });

const DAY_MS = 24 * 3_600_000;

// Dedupe records must outlive the retries they guard against: Slack redelivers an event within
// minutes, and a failed side effect is retried, minutes apart, until it succeeds. A delivery record
// pruned while its effect still retries would let that retry send again, hence at least a day.
const retention = z.string().transform((text, ctx) => {
  const ms = parseIsoDuration(text.trim());
  if (ms === null || (ms !== 0 && ms < DAY_MS)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected an ISO-8601 duration of at least P1D like P30D, or PT0S to keep everything, got ${quoted(text)}`,
    });
    return z.NEVER;
  }
  return ms;
});

// Stats look back 90 days and a postmortem compares with the service's incidents of the last 90
// days: a closed incident's timeline must outlive both before it may go.
const TIMELINE_MIN_DAYS = 90;
const timelineRetention = z.string().transform((text, ctx) => {
  const ms = parseIsoDuration(text.trim());
  if (ms === null || (ms !== 0 && ms < TIMELINE_MIN_DAYS * DAY_MS)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected an ISO-8601 duration of at least P${TIMELINE_MIN_DAYS}D like P730D, or PT0S to keep every timeline, got ${quoted(text)}`,
    });
    return z.NEVER;
  }
  return ms;
});

const prefixedToken = (prefix: string) =>
  z.string().refine((text) => text.startsWith(prefix), {
    error: (issue) =>
      `expected a token starting with "${prefix}", got one starting with ${quoted(String(issue.input).slice(0, 5))}`,
  });

const idList = (pattern: RegExp, what: string) =>
  z.string().transform((text, ctx) => {
    const ids = text.split(/[\s,]+/).filter(Boolean);
    const wrong = ids.filter((id) => !pattern.test(id));
    if (wrong.length > 0) {
      ctx.addIssue({ code: 'custom', message: `expected ${what}, got ${wrong.map(quoted).join(', ')}` });
      return z.NEVER;
    }
    return ids;
  });

const channelId = z.string().refine((text) => /^[CG][A-Z0-9]{2,}$/.test(text), {
  error: (issue) => `expected a channel id like C0123ABCD (not a #name), got ${quoted(issue.input)}`,
});

const flag = z.enum(['true', 'false'], {
  error: (issue) => `expected true or false, got ${quoted(issue.input)}`,
});

/**
 * Every environment variable the bot reads (CONTRACT.md). Unset and empty both mean "use the default".
 * Extra knobs below the contract's list exist for tests and operators; their defaults suit production.
 */
export const envSchema = z.object({
  /** One workspace. Several (OAuth): SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET instead. */
  SLACK_BOT_TOKEN: prefixedToken('xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: prefixedToken('xapp-').optional(),
  SLACK_API_URL: urlValue(['http:', 'https:'], 'https://slack.com/api/').default('https://slack.com/api/'),
  DATABASE_URL: urlValue(['postgres:', 'postgresql:'], 'postgres://user@host:5432/db').default(
    'postgres://postgres@127.0.0.1:5432/incident_commander',
  ),
  REDIS_URL: urlValue(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, {
      error: (issue) => `expected a port number like 3000, got ${quoted(issue.input)}`,
    })
    .transform(Number)
    .refine((port) => port <= 65535, {
      error: (issue) => `expected a port number up to 65535, got ${issue.input}`,
    })
    .default(3000),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: (issue) =>
        `expected one of fatal, error, warn, info, debug, trace, silent, got ${quoted(issue.input)}`,
    })
    .default('info'),
  INCIDENT_COMMAND: z
    .string()
    .refine((text) => /^\/[a-z0-9_-]{1,31}$/.test(text), {
      error: (issue) => `expected a slash command like /incident, got ${quoted(issue.input)}`,
    })
    .default('/incident'),
  DIAGNOSIS_HOLD: isoDuration('PT10M').default(10 * 60_000),
  ESCALATE_AFTER: isoDuration('PT30M').default(30 * 60_000),
  POSTMORTEM_DUE: isoDuration('PT48H').default(48 * 3_600_000),
  UPDATE_CADENCE: z.string().transform(parsedBy(parseUpdateCadence)).optional(),
  COMMANDER_NUDGE_AFTER: isoDuration('PT5M').default(5 * 60_000),
  ANNOUNCE_CHANNEL: channelId.optional(),
  STAKEHOLDER_CHANNEL: channelId.optional(),
  POSTMORTEM_CHANNEL: channelId.optional(),
  ESCALATION_SENIOR: idList(/^[UWS][A-Z0-9]{2,}$/, 'user ids (U…) or user-group ids (S…)').default([]),
  ESCALATION_EXEC: idList(/^[UW][A-Z0-9]{2,}$/, 'user ids (U…)').default([]),
  /** Whom escalation tells, and when, by severity; unset: the default table timed by ESCALATE_AFTER. */
  ESCALATION_POLICY: z.string().transform(parsedBy(parseEscalationPolicy)).optional(),
  TIMEZONE: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), {
      error: (issue) => `expected an IANA time zone like Europe/Berlin, got ${quoted(issue.input)}`,
    })
    .default('UTC'),
  WEEKLY_REVIEW: z
    .string()
    .transform(parsedBy(parseWeeklyReview))
    .default({ weekday: 1, hour: 9, minute: 0 }),
  MIGRATE_ON_START: flag.default('true').transform((text) => text === 'true'),
  /** How long dedupe and delivery records are kept before they are pruned; PT0S keeps them forever. */
  RETENTION: retention.default(30 * DAY_MS),
  /**
   * How long a closed incident (postmortem held, every follow-up done or dropped) is kept after its
   * last change before its timeline and snapshot are deleted; PT0S, the default, keeps them forever.
   */
  TIMELINE_RETENTION: timelineRetention.default(0),
  /** BullMQ key prefix: lets several deployments share one Redis without seeing each other's jobs. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, {
      error: (issue) => `expected letters, digits, - or _, got ${quoted(issue.input)}`,
    })
    .default('ic'),
  /** How often every open incident's timers are checked against the policy (self-healing). */
  TIMER_RECONCILE_EVERY: isoDuration('PT2M').default(2 * 60_000),
  /** How often unfinished Slack side effects are retried. */
  OUTBOX_SWEEP_EVERY: isoDuration('PT5S').default(5_000),
  /** OAuth (several workspaces): the app's client id, from its Basic Information page. */
  SLACK_CLIENT_ID: z
    .string()
    .regex(/^\d+\.\d+$/, {
      error: () => 'expected a client id like 1234567890.1234567890 (Basic Information → App Credentials)',
    })
    .optional(),
  /** OAuth: the app's client secret. */
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  /** OAuth: any long random string; signs the state that ties an install's redirect to its start. */
  SLACK_STATE_SECRET: z
    .string()
    .min(16, {
      error: 'expected a random string of at least 16 characters (e.g. openssl rand -hex 32)',
    })
    .optional(),
});

/**
 * Rules across variables, checked on the raw environment so they are reported together with the
 * per-variable problems (a schema-level refinement would only run once every field is valid).
 */
export function crossVariableProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const problems: string[] = [];
  if (env.SLACK_APP_TOKEN === undefined && env.SLACK_SIGNING_SECRET === undefined) {
    problems.push(
      'SLACK_SIGNING_SECRET: required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  return [...problems, ...workspaceModeProblems(env)];
}

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/**
 * Exactly one way to reach Slack: SLACK_BOT_TOKEN for one workspace, or the three OAuth variables
 * for several (each workspace's token then comes from its installation).
 */
function workspaceModeProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const oauthSet = OAUTH_VARIABLES.filter((name) => env[name] !== undefined);
  if (env.SLACK_BOT_TOKEN !== undefined && oauthSet.length > 0) {
    return [
      `SLACK_BOT_TOKEN: set together with ${oauthSet.join(', ')}; set SLACK_BOT_TOKEN alone for one workspace, or ${OAUTH_VARIABLES.join(', ')} without it to serve several workspaces through OAuth`,
    ];
  }
  if (env.SLACK_BOT_TOKEN === undefined && oauthSet.length === 0) {
    return [
      `SLACK_BOT_TOKEN: required (or set ${OAUTH_VARIABLES.join(', ')} to serve several workspaces through OAuth)`,
    ];
  }
  if (env.SLACK_BOT_TOKEN !== undefined) return [];
  return OAUTH_VARIABLES.filter((name) => env[name] === undefined).map(
    (name) =>
      `${name}: required with ${oauthSet.join(', ')} (OAuth needs all of ${OAUTH_VARIABLES.join(', ')})`,
  );
}

export type Env = z.output<typeof envSchema>;

/** A zod transform from a parser that returns its value, or a sentence saying what is wrong. */
function parsedBy<T>(parse: (text: string) => T | string) {
  return (text: string, ctx: z.RefinementCtx): T => {
    const parsed = parse(text);
    if (typeof parsed !== 'string') return parsed;
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  };
}
