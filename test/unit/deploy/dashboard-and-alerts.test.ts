import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMetrics } from '../../../src/adapters/observability/metrics.js';
import {
  registerScrapeGauges,
  type ScrapeReadings,
} from '../../../src/adapters/observability/scrape-gauges.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const none: ScrapeReadings = {
  openIncidents: async () => [],
  outboxBacklog: async () => ({ rows: 0, oldestAgeSeconds: 0 }),
  pendingTimers: async () => ({ byKind: {}, overdueSeconds: 0 }),
};

/** The bot's own metrics, as `startBot` registers them, with their Prometheus type. */
function botMetrics(): Map<string, string> {
  const { registry } = createMetrics();
  registerScrapeGauges(registry, none, quiet);
  return new Map(
    registry
      .getMetricsAsArray()
      .map((metric) => [metric.name, metric.type.toString()] as const)
      .filter(([name]) => name.startsWith('incident_')),
  );
}

/** The bot's metric names an expression queries (a histogram's series named by the histogram). */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\bincident_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, ''));
}

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

interface Panel {
  readonly type: string;
  readonly title: string;
  readonly targets?: readonly { readonly expr: string }[];
}

describe('the Grafana dashboard (deploy/grafana-dashboard.json)', () => {
  const dashboard = JSON.parse(read('deploy/grafana-dashboard.json')) as { panels: Panel[]; uid: string };
  const graphs = dashboard.panels.filter((panel) => panel.type !== 'row');
  const queried = graphs.flatMap((panel) =>
    (panel.targets ?? []).flatMap((target) => metricsIn(target.expr)),
  );

  it('queries only metrics the bot exports, histograms by their series', () => {
    const known = botMetrics();
    expect(queried.length).toBeGreaterThan(0);
    for (const name of queried) expect(known.has(name), `${name} is not a metric of the bot`).toBe(true);
    for (const panel of graphs)
      for (const { expr } of panel.targets ?? [])
        for (const [series, base] of expr.matchAll(/\b(incident_[a-z_]+?)_bucket\b/g) ?? [])
          expect(known.get(base ?? ''), `${series} in "${panel.title}"`).toBe('histogram');
  });

  it('has a panel for every metric the bot exports', () => {
    for (const name of botMetrics().keys()) expect(queried, `no panel shows ${name}`).toContain(name);
  });

  it('gives every panel a title, a description and at least one query', () => {
    for (const panel of graphs as (Panel & { description?: string })[]) {
      expect(panel.title.length).toBeGreaterThan(3);
      expect(panel.description?.length ?? 0).toBeGreaterThan(10);
      expect(panel.targets?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

interface Rule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

describe('the Prometheus alert rules (deploy/prometheus-rules.yaml)', () => {
  const rules = (
    parse(read('deploy/prometheus-rules.yaml')) as { groups: { rules: Rule[] }[] }
  ).groups.flatMap((group) => group.rules);

  it('alert on what needs a person: a stuck outbox, late timers, side effects given up', () => {
    const watched = rules.flatMap((rule) => metricsIn(rule.expr));
    expect(new Set(watched)).toEqual(
      new Set([
        'incident_outbox_oldest_age_seconds',
        'incident_timers_late_total',
        'incident_timers_overdue_seconds',
        'incident_effects_given_up_total',
      ]),
    );
    expect(rules.find((rule) => rule.expr.includes('incident_outbox_oldest_age_seconds'))?.expr).toMatch(
      /> 60\b/,
    );
  });

  it('name only metrics the bot exports, each rule with a summary and a severity', () => {
    const known = botMetrics();
    for (const rule of rules) {
      for (const name of metricsIn(rule.expr)) expect(known.has(name), `${rule.alert}: ${name}`).toBe(true);
      // Annotations may query the bot's metrics too.
      for (const text of Object.values(rule.annotations ?? {}))
        for (const name of metricsIn(text)) expect(known.has(name), `${rule.alert}: ${name}`).toBe(true);
      expect(rule.annotations?.summary).toBeTruthy();
      expect(['page', 'ticket']).toContain(rule.labels?.severity);
      expect(rule.alert).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });
});
