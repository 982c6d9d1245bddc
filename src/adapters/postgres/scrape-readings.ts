import { type Kysely, sql } from 'kysely';
import type { ScrapeReadings } from '../observability/scrape-gauges.js';
import type { Database } from './schema.js';

/**
 * The PostgreSQL half of the scrape-time gauges. Each reading is one short read-only transaction
 * whose statements PostgreSQL itself cancels after `statementTimeoutMs`, so a slow scrape never
 * holds a pool connection for long (the caller's timeout bounds the wait for a connection too).
 */
export function createPostgresScrapeReadings(
  db: Kysely<Database>,
  statementTimeoutMs: number,
): Pick<ScrapeReadings, 'openIncidents' | 'outboxBacklog'> {
  const bounded = <T>(read: (tx: Kysely<Database>) => Promise<T>) =>
    db.transaction().execute(async (tx) => {
      await sql
        .raw(`set local statement_timeout = ${Math.max(1, Math.round(statementTimeoutMs))}`)
        .execute(tx);
      return read(tx);
    });
  return {
    openIncidents: () =>
      bounded(async (tx) => {
        const rows = await tx
          .selectFrom('incidents')
          .select(['severity', (eb) => eb.fn.countAll<string>().as('count')])
          .where('status', 'not in', ['resolved', 'closed'])
          .groupBy('severity')
          .execute();
        return rows.map(({ severity, count }) => ({ severity, count: Number(count) }));
      }),
    outboxBacklog: () =>
      bounded(async (tx) => {
        const { rows } = await sql<{ rows: string; oldest: number | null }>`
          select count(*) as rows, extract(epoch from now() - min(created_at))::float8 as oldest
          from outbox where done_at is null`.execute(tx);
        const row = rows[0];
        return { rows: Number(row?.rows ?? 0), oldestAgeSeconds: Math.max(0, row?.oldest ?? 0) };
      }),
  };
}
