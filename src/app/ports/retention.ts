/** How many rows one pruning pass deleted, by table. */
export interface PrunedRows {
  readonly processedSlackEvents: number;
  readonly outbox: number;
  readonly deliveries: number;
}

/**
 * Deletes the records kept only to make retries safe (processed Slack event ids, finished outbox
 * rows, delivery records) that are older than `cutoff`. Resolves with what went, never with an
 * error for an empty table.
 */
export type PruneOlderThan = (cutoff: Date) => Promise<PrunedRows>;
