import { type Kysely, type RawBuilder, sql, type Updateable } from 'kysely';
import type { Effect } from '../../app/effects.js';
import type { Outbox } from '../../app/ports/outbox.js';
import type { Database, OutboxTable } from './schema.js';

/**
 * The outbox on PostgreSQL. Every method is one short statement on a pooled connection, and times
 * are the database's (`now()`), so replicas with drifting clocks agree on leases and backoffs.
 */
export function createOutbox(db: Kysely<Database>): Outbox {
  /** Finishes effects not finished yet (a second finish of the same row changes nothing). */
  const finish = async (
    ids: readonly number[],
    fields: Pick<Updateable<OutboxTable>, 'outcome' | 'failure'> & { failed_at?: RawBuilder<Date> },
  ): Promise<void> => {
    if (ids.length === 0) return;
    await db
      .updateTable('outbox')
      .set({ ...fields, done_at: sql<Date>`now()` })
      .where('id', 'in', ids)
      .where('done_at', 'is', null)
      .execute();
  };
  return {
    async lease(incidentId, holder, leaseMs) {
      const until = sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`;
      const row = await db
        .insertInto('outbox_leases')
        .values({ incident_id: incidentId, holder, lease_until: until })
        .onConflict((oc) =>
          oc
            .column('incident_id')
            .doUpdateSet({ holder, lease_until: until })
            .where((eb) =>
              eb.or([
                eb('outbox_leases.holder', '=', holder),
                eb('outbox_leases.lease_until', '<', sql<Date>`now()`),
              ]),
            ),
        )
        .returning('incident_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async release(incidentId, holder) {
      await db
        .deleteFrom('outbox_leases')
        .where('incident_id', '=', incidentId)
        .where('holder', '=', holder)
        .execute();
    },

    async pending(incidentId) {
      const rows = await db
        .selectFrom('outbox')
        .select([
          'id',
          'incident_id',
          'payload',
          'attempts',
          sql<boolean>`next_attempt_at <= now()`.as('due'),
        ])
        .where('incident_id', '=', incidentId)
        .where('done_at', 'is', null)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        incidentId: row.incident_id,
        effect: row.payload as Effect,
        attempts: row.attempts,
        due: row.due,
      }));
    },

    async started(id) {
      const row = await db
        .updateTable('outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .returning('attempts')
        .executeTakeFirstOrThrow();
      return row.attempts;
    },

    complete: (ids, outcome) => finish(ids, { outcome: outcome.slice(0, 2000) }),

    async retryLater(id, error, delayMs) {
      await db
        .updateTable('outbox')
        .set({
          last_error: error.slice(0, 2000),
          next_attempt_at: sql<Date>`now() + make_interval(secs => ${delayMs / 1000})`,
        })
        .where('id', '=', id)
        .execute();
    },

    fail: (ids, reason) => finish(ids, { failed_at: sql<Date>`now()`, failure: reason.slice(0, 2000) }),

    async enqueue(incident, effects) {
      if (effects.length === 0) return;
      await db
        .insertInto('outbox')
        .values(
          effects.map((effect) => ({
            team_id: incident.teamId,
            incident_id: incident.id,
            kind: effect.kind,
            payload: JSON.stringify(effect),
          })),
        )
        .execute();
    },

    async incidentsWithDueEffects(limit) {
      const rows = await db
        .selectFrom('outbox')
        .leftJoin('outbox_leases', 'outbox_leases.incident_id', 'outbox.incident_id')
        .select('outbox.incident_id')
        .where('outbox.done_at', 'is', null)
        .where('outbox.next_attempt_at', '<=', sql<Date>`now()`)
        .where((eb) =>
          eb.or([
            eb('outbox_leases.lease_until', 'is', null),
            eb('outbox_leases.lease_until', '<', sql<Date>`now()`),
          ]),
        )
        .groupBy('outbox.incident_id')
        .orderBy(sql`min(outbox.id)`)
        .limit(limit)
        .execute();
      return rows.map((row) => row.incident_id);
    },

    async abandonTeams(teamIds, reason) {
      if (teamIds.length === 0) return 0;
      const rows = await db
        .updateTable('outbox')
        .set({ done_at: sql<Date>`now()`, failed_at: sql<Date>`now()`, failure: reason.slice(0, 2000) })
        .where('team_id', 'in', teamIds)
        .where('done_at', 'is', null)
        .returning('id')
        .execute();
      return rows.length;
    },

    async failures(incidentId, limit) {
      const rows = await db
        .selectFrom('outbox')
        .select(['id', 'kind', 'failure', 'failed_at'])
        .where('incident_id', '=', incidentId)
        .where('failed_at', 'is not', null)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind as Effect['kind'],
        reason: row.failure ?? 'unknown',
        failedAt: row.failed_at ?? new Date(0),
      }));
    },
  };
}
