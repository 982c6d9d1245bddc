import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

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
  return { registry, commands };
}

export type Metrics = ReturnType<typeof createMetrics>;
