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
  const commandMetrics: CommandMetrics = {
    counted: (type, result) => commands.inc({ type, outcome: result }),
  };
  return { registry, commands, commandMetrics, timerLateness, lateTimers, effectsGivenUp };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** A reason as a label: Slack's error code, or "retries" for one that ran out of tries (bounded cardinality). */
export const reasonLabel = (reason: string): string =>
  /^[a-z_]{1,40}$/.test(reason) ? reason : reason.startsWith('gave up') ? 'retries' : 'other';
