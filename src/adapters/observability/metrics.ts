import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The bot's Prometheus registry: one per process (never the global one, so tests can run several bots). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const commands = new Counter({
    name: 'incident_commands_total',
    help: 'Commands decided, by command type and outcome (accepted, unchanged, rejected).',
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
  return { registry, commands, timerLateness, lateTimers };
}

export type Metrics = ReturnType<typeof createMetrics>;
