import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../../app/ports/logger.js';
import { withTimeout } from './health-routes.js';

/** What `/metrics` reads from PostgreSQL and Redis when it is scraped. */
export interface ScrapeReadings {
  /** Incidents neither resolved nor closed, by severity (`pending` before triage). */
  openIncidents(): Promise<readonly { readonly severity: string; readonly count: number }[]>;
  /** Slack side effects not yet finished, and how long the oldest has waited. */
  outboxBacklog(): Promise<{ readonly rows: number; readonly oldestAgeSeconds: number }>;
  /** Timers waiting in the queue, by kind, and how far past its time the most overdue one is. */
  pendingTimers(): Promise<{
    readonly byKind: Readonly<Record<string, number>>;
    readonly overdueSeconds: number;
  }>;
}

/** A scrape never waits longer than this for a reading; Prometheus's own timeout is 10 s by default. */
export const SCRAPE_READ_TIMEOUT_MS = 2_000;

/**
 * Gauges read at scrape time, so they say how things are now rather than what one replica last saw.
 * Each reading is bounded by `timeoutMs`; one that fails or times out leaves its gauges empty (NaN
 * for those without labels) for that scrape, so no stale value passes for a fresh one, and counts in
 * `incident_scrape_read_failures_total`, so a dead database never hangs a scrape.
 */
export function registerScrapeGauges(
  registry: Registry,
  readings: ScrapeReadings,
  logger: Logger,
  timeoutMs: number = SCRAPE_READ_TIMEOUT_MS,
): void {
  const failures = new Counter({
    name: 'incident_scrape_read_failures_total',
    help: 'Readings of /metrics that failed or timed out (their gauges were left empty), by reading.',
    labelNames: ['reading'] as const,
    registers: [registry],
  });
  const read = <T>(name: string, reading: () => Promise<T>) => {
    const shared = sharedPerScrape(() => withTimeout(reading(), timeoutMs));
    return async (): Promise<T | null> => {
      try {
        return await shared();
      } catch (error) {
        failures.inc({ reading: name });
        logger.debug({ err: error, reading: name }, 'a /metrics reading failed');
        return null;
      }
    };
  };
  const openIncidents = read('open_incidents', () => readings.openIncidents());
  const backlog = read('outbox_backlog', () => readings.outboxBacklog());
  const timers = read('pending_timers', () => readings.pendingTimers());

  new Gauge({
    name: 'incident_open_incidents',
    help: 'Incidents neither resolved nor closed, by severity (pending until triaged), drills included.',
    labelNames: ['severity'] as const,
    registers: [registry],
    async collect() {
      const rows = await openIncidents();
      this.reset();
      for (const { severity, count } of rows ?? []) this.set({ severity }, count);
    },
  });
  new Gauge({
    name: 'incident_outbox_backlog',
    help: 'Slack side effects committed but not yet performed or given up on (waiting, retrying or under way).',
    registers: [registry],
    async collect() {
      const value = await backlog();
      this.set(value ? value.rows : Number.NaN);
    },
  });
  new Gauge({
    name: 'incident_outbox_oldest_age_seconds',
    help: 'How long the oldest unfinished Slack side effect has waited since its commit (0 when none wait).',
    registers: [registry],
    async collect() {
      const value = await backlog();
      this.set(value ? value.oldestAgeSeconds : Number.NaN);
    },
  });
  new Gauge({
    name: 'incident_timers_pending',
    help: 'Timers waiting in the queue to fire, by timer kind (weekly-review for its schedule).',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      const value = await timers();
      this.reset();
      for (const [kind, count] of Object.entries(value?.byKind ?? {})) this.set({ kind }, count);
    },
  });
  new Gauge({
    name: 'incident_timers_overdue_seconds',
    help: 'How far past its time the most overdue timer still waiting in the queue is (0 when none is): above a few seconds, no worker is taking timers.',
    registers: [registry],
    async collect() {
      const value = await timers();
      this.set(value ? value.overdueSeconds : Number.NaN);
    },
  });
}

// The gauges of one reading are collected side by side in one scrape: they share the reading
// under way, and the next scrape reads afresh.
function sharedPerScrape<T>(work: () => Promise<T>): () => Promise<T> {
  let underWay: Promise<T> | null = null;
  return () => {
    underWay ??= work().finally(() => {
      underWay = null;
    });
    return underWay;
  };
}
