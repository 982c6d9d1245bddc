import type { Kysely } from 'kysely';
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
  const processedSlackEvents = await inBatches(batchSize, (limit) =>
    db
      .deleteFrom('processed_slack_events')
      .where('event_id', 'in', (eb) =>
        eb
          .selectFrom('processed_slack_events')
          .select('event_id')
          .where('received_at', '<', cutoff)
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .executeTakeFirst(),
  );
  const outbox = await inBatches(batchSize, (limit) =>
    db
      .deleteFrom('outbox')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where('done_at', '<', cutoff)
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .executeTakeFirst(),
  );
  const deliveries = await inBatches(batchSize, (limit) =>
    db
      .deleteFrom('deliveries')
      .where('key', 'in', (eb) =>
        eb
          .selectFrom('deliveries')
          .select('key')
          .where('delivered_at', '<', cutoff)
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .executeTakeFirst(),
  );
  return { processedSlackEvents, outbox, deliveries };
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
