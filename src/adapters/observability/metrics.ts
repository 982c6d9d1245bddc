import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { CommandMetrics } from '../../app/ports/command-metrics.js';

/** The bot's Prometheus registry: one per process (never the global one, so tests can run several bots). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const commands = new Counter({
    name: 'incident_commands_total',
    help: 'Commands handled by the command core, by command type and result (accepted, unchanged, rejected, failed).',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const timerLateness = new Histogram({
    name: 'incident_timer_lateness_seconds',
    help: 'How long after its scheduled time each timer fired, by timer kind.',
    labelNames: ['kind'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30, 60, 300],
    registers: [registry],
  });
  const lateTimers = new Counter({
    name: 'incident_timers_late_total',
    help: 'Timers that fired more than 30 s after their scheduled time, by timer kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const effectsGivenUp = new Counter({
    name: 'incident_effects_given_up_total',
    help: 'Slack side effects given up on (a permanent Slack error, or out of tries), by effect kind and reason.',
    labelNames: ['kind', 'reason'] as const,
    registers: [registry],
  });
  const ackLatency = new Histogram({
    name: 'incident_ack_latency_seconds',
    help: 'From a Slack request reaching its listener to its ack, which comes once the change is saved (Slack allows 3 s), by request kind.',
    labelNames: ['kind'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5],
    registers: [registry],
  });
  const slackCalls = new Counter({
    name: 'incident_slack_api_calls_total',
    help: 'Slack Web API requests made, by method (each HTTP attempt counts once).',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  const slackErrors = new Counter({
    name: 'incident_slack_api_errors_total',
    help: "Slack Web API requests that failed, by method and error (Slack's error code, http_<status>, ratelimited, or network).",
    labelNames: ['method', 'error'] as const,
    registers: [registry],
  });
  const slackRateLimited = new Counter({
    name: 'incident_slack_api_rate_limited_total',
    help: 'Slack Web API requests refused with HTTP 429 (rate limited), by method; also counted in incident_slack_api_errors_total.',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  const reconcileDuration = new Histogram({
    name: 'incident_timer_reconcile_duration_seconds',
    help: "How long one reconcile of every open incident's timers against the policy took.",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  const commandMetrics: CommandMetrics = {
    counted: (type, result) => commands.inc({ type, outcome: result }),
  };
  return {
    registry,
    commands,
    commandMetrics,
    timerLateness,
    lateTimers,
    effectsGivenUp,
    ackLatency,
    slackCalls,
    slackErrors,
    slackRateLimited,
    reconcileDuration,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** A reason as a label: Slack's error code, or "retries" for one that ran out of tries (bounded cardinality). */
export const reasonLabel = (reason: string): string =>
  /^[a-z_]{1,40}$/.test(reason) ? reason : reason.startsWith('gave up') ? 'retries' : 'other';
