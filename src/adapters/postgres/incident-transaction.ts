import { sql, type Transaction } from 'kysely';
import type { Effect } from '../../app/effects.js';
import { ConcurrentChangeError } from '../../app/ports/concurrent-change-error.js';
import type { IncidentTransaction } from '../../app/ports/incident-store.js';
import type { IncidentEvent } from '../../domain/index.js';
import { earlierOnService, hydrate, incidentsFrom } from './hydrate.js';
import { summaryColumns } from './incident-rows.js';
import type { Database } from './schema.js';

/** What the command core may do inside one transaction: lock, create, append, enqueue, dedupe. */
export function transactionOn(trx: Transaction<Database>): IncidentTransaction {
  return {
    async allocateNumber(teamId) {
      const row = await trx
        .insertInto('incident_numbers')
        .values({ team_id: teamId, last_number: 1 })
        .onConflict((oc) =>
          oc.column('team_id').doUpdateSet({ last_number: sql`incident_numbers.last_number + 1` }),
        )
        .returning('last_number')
        .executeTakeFirstOrThrow();
      return row.last_number;
    },

    async lockIncident(incidentId) {
      const row = await incidentsFrom(trx).where('id', '=', incidentId).forUpdate().executeTakeFirst();
      return row ? hydrate(trx, row) : null;
    },

    async createIncident(incident, events, state) {
      await trx
        .insertInto('incidents')
        .values({
          id: incident.id,
          team_id: incident.teamId,
          number: incident.number,
          version: 0,
          ...summaryColumns(state),
        })
        .execute();
      await insertEvents(trx, incident, 0, events);
      await trx
        .updateTable('incidents')
        .set({ version: events.length })
        .where('id', '=', incident.id)
        .execute();
    },

    async appendEvents(incident, expectedVersion, events, state) {
      // The version check first: it takes the row lock (if the caller has not) and refuses a stale
      // append as a ConcurrentChangeError the core retries, before any event row could collide.
      const updated = await trx
        .updateTable('incidents')
        .set({ ...summaryColumns(state), version: expectedVersion + events.length, updated_at: new Date() })
        .where('id', '=', incident.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) throw new ConcurrentChangeError(incident.id, expectedVersion);
      await insertEvents(trx, incident, expectedVersion, events);
    },

    async markEventProcessed(teamId, eventId) {
      const inserted = await trx
        .insertInto('processed_slack_events')
        .values({ event_id: eventId, team_id: teamId })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .returning('event_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    listEarlierOnService: (teamId, service, since, excludeId) =>
      earlierOnService(trx, teamId, service, since, excludeId),

    async enqueueEffects(incident, effects, commandId) {
      if (effects.length === 0) return;
      await trx
        .insertInto('outbox')
        .values(
          effects.map((effect: Effect) => ({
            team_id: incident.teamId,
            incident_id: incident.id,
            kind: effect.kind,
            payload: JSON.stringify(effect),
            command_id: commandId ?? null,
          })),
        )
        .execute();
    },
  };
}

async function insertEvents(
  trx: Transaction<Database>,
  incident: { id: string; teamId: string },
  afterSeq: number,
  events: readonly IncidentEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('incident_events')
    .values(
      events.map((event, index) => ({
        incident_id: incident.id,
        seq: afterSeq + index + 1,
        team_id: incident.teamId,
        type: event.type,
        payload: JSON.stringify(event),
        actor: event.by,
        occurred_at: new Date(event.at),
      })),
    )
    .execute();
}
