import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** Incidents per transaction: each deletes their whole timelines, so keep it small. */
export const TIMELINE_PRUNE_BATCH = 50;

/**
 * Deletes closed incidents whose last change is older than `cutoff` and that have no follow-up
 * still open: their events, snapshot (the incident row), outbox rows and lease. The timeline is
 * append-only; the trigger lets these deletes through only inside a transaction that sets
 * `incident_commander.prune_timeline`, and only for a closed incident. Incident numbers are not
 * reused (they come from `incident_numbers`). Replicas pruning at once skip each other's rows.
 * Resolves with how many incidents went.
 */
export async function pruneClosedTimelines(
  db: Kysely<Database>,
  cutoff: Date,
  batchSize: number = TIMELINE_PRUNE_BATCH,
): Promise<{ readonly incidents: number }> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size ${batchSize}`);
  let incidents = 0;
  for (;;) {
    const deleted = await db.transaction().execute(async (tx) => {
      await sql`set local incident_commander.prune_timeline = 'on'`.execute(tx);
      const ids = (
        await tx
          .selectFrom('incidents')
          .select('id')
          .where('status', '=', 'closed')
          .where('updated_at', '<', cutoff)
          .where(
            sql<boolean>`not exists (select 1 from jsonb_array_elements(coalesce(snapshot->'followUps', '[]'::jsonb)) f where f->>'status' = 'open')`,
          )
          .orderBy('updated_at')
          .limit(batchSize)
          .forUpdate()
          .skipLocked()
          .execute()
      ).map((row) => row.id);
      if (ids.length === 0) return 0;
      await tx.deleteFrom('incident_events').where('incident_id', 'in', ids).execute();
      await tx.deleteFrom('outbox').where('incident_id', 'in', ids).execute();
      await tx.deleteFrom('outbox_leases').where('incident_id', 'in', ids).execute();
      await tx.deleteFrom('incidents').where('id', 'in', ids).execute();
      return ids.length;
    });
    incidents += deleted;
    if (deleted < batchSize) return { incidents };
  }
}
