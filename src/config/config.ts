import type { EscalationPolicy } from '../domain/timer-policy-types.js';
import type { Severity } from '../domain/types.js';
import type { WeeklyReviewTime } from './weekly-review.js';

/** The bot's configuration, parsed once at start-up and frozen. Durations are milliseconds (0 = off). */
export interface Config {
  readonly slack: {
    /** One workspace (SLACK_BOT_TOKEN); null when `oauth` is set. */
    readonly botToken: string | null;
    /** Several workspaces: OAuth installs, each workspace's token from its installation. Null with `botToken`. */
    readonly oauth: {
      readonly clientId: string;
      readonly clientSecret: string;
      readonly stateSecret: string;
    } | null;
    readonly signingSecret: string | null;
    /** Set: Socket Mode. Unset: HTTP mode on `port`. */
    readonly appToken: string | null;
    readonly apiUrl: string;
    readonly command: string;
  };
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** BullMQ key prefix in Redis. */
  readonly queuePrefix: string;
  readonly port: number;
  readonly logLevel: string;
  readonly timing: {
    readonly diagnosisHold: number;
    readonly escalateAfter: number;
    readonly postmortemDue: number;
    readonly updateCadence: Readonly<Record<Severity, number>>;
    /** ESCALATION_POLICY, with the default table (timed by ESCALATE_AFTER) for severities left out. */
    readonly escalationPolicy: EscalationPolicy;
    /** How long after opening the channel is nudged when nobody has taken command (0 = off). */
    readonly commanderNudgeAfter: number;
    readonly timerReconcileEvery: number;
    readonly outboxSweepEvery: number;
  };
  readonly channels: {
    readonly announce: string | null;
    readonly stakeholder: string | null;
    readonly postmortem: string | null;
  };
  readonly escalation: {
    readonly senior: readonly string[];
    readonly exec: readonly string[];
  };
  readonly timezone: string;
  /** Null when the weekly review is off. */
  readonly weeklyReview: WeeklyReviewTime | null;
  readonly migrateOnStart: boolean;
  /**
   * How old processed Slack event ids, finished outbox rows and delivery records must be before they
   * are deleted (ms); 0 keeps them forever. The incidents and their timelines are never pruned.
   */
  readonly retention: number;
  /**
   * How long after its last change a closed incident with no open follow-up is kept before its
   * timeline, snapshot and outbox rows are deleted (ms); 0 keeps every incident forever.
   */
  readonly timelineRetention: number;
}
