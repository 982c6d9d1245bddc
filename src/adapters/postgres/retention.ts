import { type Kysely, sql } from 'kysely';
import type { PrunedRows } from '../../app/ports/retention.js';
import type { Database } from './schema.js';

/** Rows per DELETE: each statement commits on its own, so no lock is held for long. */
export const PRUNE_BATCH_SIZE = 1_000;

/**
 * Deletes processed Slack event ids received, outbox rows finished, and delivery records written
 * before `cutoff`, `batchSize` rows per statement until fewer remain, one table after the other.
 * Unfinished outbox rows stay whatever their age. Replicas pruning at once skip each other's rows
 * (`skip locked`) instead of waiting on them.
 */
export async function pruneOlderThan(
  db: Kysely<Database>,
  cutoff: Date,
  batchSize: number = PRUNE_BATCH_SIZE,
): Promise<PrunedRows> {
  // A batch of none would never be "fewer than a batch": the loop below would not end.
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size ${batchSize}`);
  const prune = (table: PrunedTable) => inBatches(batchSize, (limit) => pruneBatch(db, table, cutoff, limit));
  const processedSlackEvents = await prune(PRUNED.processedSlackEvents);
  const outbox = await prune(PRUNED.outbox);
  const deliveries = await prune(PRUNED.deliveries);
  return { processedSlackEvents, outbox, deliveries };
}

/** A table pruned by age: its key, and the column whose age counts (a finished outbox row's `done_at`). */
interface PrunedTable {
  readonly table: 'processed_slack_events' | 'outbox' | 'deliveries';
  readonly key: string;
  readonly age: string;
}

const PRUNED = {
  processedSlackEvents: { table: 'processed_slack_events', key: 'event_id', age: 'received_at' },
  // done_at is null while an effect is unfinished, so unfinished rows are never pruned.
  outbox: { table: 'outbox', key: 'id', age: 'done_at' },
  deliveries: { table: 'deliveries', key: 'key', age: 'delivered_at' },
} as const satisfies Record<string, PrunedTable>;

async function pruneBatch(
  db: Kysely<Database>,
  { table, key, age }: PrunedTable,
  cutoff: Date,
  limit: number,
): Promise<{ numDeletedRows: bigint }> {
  const oldest = db
    .selectFrom(table)
    .select(sql.ref(key).as('key'))
    .where(sql.ref(age), '<', cutoff)
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return db.deleteFrom(table).where(sql.ref(key), 'in', oldest).executeTakeFirst();
}

async function inBatches(
  batchSize: number,
  deleteBatch: (limit: number) => Promise<{ numDeletedRows: bigint }>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = Number((await deleteBatch(batchSize)).numDeletedRows);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
