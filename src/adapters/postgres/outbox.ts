import { type Kysely, sql } from 'kysely';
import type { Effect } from '../../app/effects.js';
import type { Clock } from '../../app/ports/clock.js';
import type { Outbox } from '../../app/ports/outbox.js';
import type { Database } from './schema.js';

/** The outbox on PostgreSQL; the per-incident lock is a session-level advisory lock. */
export function createOutbox(db: Kysely<Database>, clock: Clock): Outbox {
  return {
    async withIncidentLock(incidentId, work) {
      return db.connection().execute(async (connection) => {
        const key = sql`hashtextextended(${`outbox:${incidentId}`}, 0)`;
        const { rows } = await sql<{
          locked: boolean;
        }>`select pg_try_advisory_lock(${key}) as locked`.execute(connection);
        if (!rows[0]?.locked) return false;
        try {
          await work();
        } finally {
          await sql`select pg_advisory_unlock(${key})`.execute(connection);
        }
        return true;
      });
    },

    async pending(incidentId) {
      const rows = await db
        .selectFrom('outbox')
        .select(['id', 'incident_id', 'payload', 'attempts', 'next_attempt_at'])
        .where('incident_id', '=', incidentId)
        .where('done_at', 'is', null)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        incidentId: row.incident_id,
        effect: row.payload as Effect,
        attempts: row.attempts,
        nextAttemptAt: row.next_attempt_at,
      }));
    },

    async incidentsWithDueEffects(now, limit) {
      const rows = await db
        .selectFrom('outbox')
        .select('incident_id')
        .where('done_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .groupBy('incident_id')
        .orderBy(sql`min(id)`)
        .limit(limit)
        .execute();
      return rows.map((row) => row.incident_id);
    },

    async complete(ids, outcome) {
      if (ids.length === 0) return;
      await db
        .updateTable('outbox')
        .set({ done_at: clock.now(), outcome })
        .where('id', 'in', ids)
        .where('done_at', 'is', null)
        .execute();
    },

    async retryLater(id, error, at) {
      await db
        .updateTable('outbox')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 2000),
          next_attempt_at: at,
        }))
        .where('id', '=', id)
        .execute();
    },
  };
}
