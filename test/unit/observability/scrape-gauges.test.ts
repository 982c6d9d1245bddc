import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import {
  registerScrapeGauges,
  type ScrapeReadings,
} from '../../../src/adapters/observability/scrape-gauges.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const never = <T>() => new Promise<T>(() => {});

const answering: ScrapeReadings = {
  openIncidents: async () => [
    { severity: 'SEV1', count: 2 },
    { severity: 'pending', count: 1 },
  ],
  outboxBacklog: async () => ({ rows: 3, oldestAgeSeconds: 12.5 }),
  pendingTimers: async () => ({ byKind: { 'hold-end': 4 }, overdueSeconds: 0 }),
};

describe('scrape-time gauges', () => {
  it('read PostgreSQL and Redis when scraped', async () => {
    const registry = new Registry();
    registerScrapeGauges(registry, answering, quiet);
    const text = await registry.metrics();
    expect(text).toMatch(/^incident_open_incidents\{severity="SEV1"\} 2$/m);
    expect(text).toMatch(/^incident_outbox_backlog 3$/m);
    expect(text).toMatch(/^incident_outbox_oldest_age_seconds 12.5$/m);
    expect(text).toMatch(/^incident_timers_pending\{kind="hold-end"\} 4$/m);
  });

  it('never hang a scrape: a reading that does not answer leaves its gauges empty and is counted', async () => {
    const registry = new Registry();
    registerScrapeGauges(registry, { ...answering, outboxBacklog: never }, quiet, 50);
    const started = performance.now();
    const text = await registry.metrics();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(text).toMatch(/^incident_outbox_backlog Nan$/m);
    expect(text).toMatch(/^incident_open_incidents\{severity="pending"\} 1$/m);
    expect(await registry.metrics()).toMatch(
      /^incident_scrape_read_failures_total\{reading="outbox_backlog"\} [12]$/m,
    );
  });

  it('read afresh on every scrape: a value that changed is never served from the last one', async () => {
    const registry = new Registry();
    let rows = 5;
    registerScrapeGauges(
      registry,
      { ...answering, outboxBacklog: async () => ({ rows, oldestAgeSeconds: 0 }) },
      quiet,
    );
    expect(await registry.metrics()).toMatch(/^incident_outbox_backlog 5$/m);
    rows = 0;
    expect(await registry.metrics()).toMatch(/^incident_outbox_backlog 0$/m);
  });
});
