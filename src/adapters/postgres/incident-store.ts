import { type Kysely, sql } from 'kysely';
import type { IncidentStore } from '../../app/ports/incident-store.js';
import { earlierOnService, hydrateAll, incidentsFrom, oneIncident } from './hydrate.js';
import { toStoredEvent } from './incident-rows.js';
import { transactionOn } from './incident-transaction.js';
import type { Database } from './schema.js';

/** The incident store on PostgreSQL: the append-only timeline, the snapshot beside it, and the outbox. */
export function createIncidentStore(db: Kysely<Database>): IncidentStore {
  return {
    transaction: (work) => db.transaction().execute((trx) => work(transactionOn(trx))),

    findById: (incidentId) => oneIncident(incidentsFrom(db).where('id', '=', incidentId), db),

    findByChannel: (teamId, channelId) =>
      oneIncident(incidentsFrom(db).where('team_id', '=', teamId).where('channel_id', '=', channelId), db),

    async listOpen(teamId, limit) {
      const rows = await incidentsFrom(db)
        .where('team_id', '=', teamId)
        .where('status', 'in', ['investigating', 'identified', 'monitoring'])
        .orderBy('opened_at', 'desc')
        .limit(limit)
        .execute();
      return hydrateAll(db, rows);
    },

    async listWithTimers(afterId, limit) {
      // Open and resolved incidents have timers; closed ones only while a follow-up is open.
      const rows = await db
        .selectFrom('incidents')
        .select('id')
        .where((eb) =>
          eb.or([
            eb('status', '<>', 'closed'),
            sql<boolean>`snapshot @> '{"followUps":[{"status":"open"}]}'::jsonb`,
          ]),
        )
        .$if(afterId !== null, (qb) => qb.where('id', '>', afterId ?? ''))
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },

    async listClosedWithFollowUps(limit) {
      const rows = await incidentsFrom(db)
        .where('status', '=', 'closed')
        .where((eb) =>
          eb.or([
            sql<boolean>`snapshot @> '{"followUps":[{"status":"open"}]}'::jsonb`,
            sql<boolean>`snapshot @> '{"followUps":[{"status":"dropped"}]}'::jsonb`,
          ]),
        )
        .orderBy('opened_at')
        .limit(limit)
        .execute();
      return hydrateAll(db, rows);
    },

    async listOpenFollowUpsOf(teamId, owner) {
      const wanted = JSON.stringify({ followUps: [{ owner, status: 'open' }] });
      const rows = await incidentsFrom(db)
        .where('team_id', '=', teamId)
        .where('status', '=', 'closed')
        .where(sql<boolean>`snapshot @> ${wanted}::jsonb`)
        .orderBy('opened_at')
        .limit(200)
        .execute();
      return (await hydrateAll(db, rows)).flatMap((incident) => {
        return incident.state.status === 'closed'
          ? incident.state.followUps
              .filter((f) => f.owner === owner && f.status === 'open')
              .map((followUp) => ({ incidentId: incident.id, number: incident.number, followUp }))
          : [];
      });
    },

    listEarlierOnService: (teamId, service, since, excludeId) =>
      earlierOnService(db, teamId, service, since, excludeId),

    async listOpenedSince(teamId, since) {
      const rows = await incidentsFrom(db)
        .where('team_id', '=', teamId)
        .where('drill', '=', false)
        .where('opened_at', '>=', new Date(since))
        .orderBy('opened_at')
        .limit(5_000)
        .execute();
      return hydrateAll(db, rows);
    },

    async eventTimes(incidentIds, type) {
      const times = new Map<string, string[]>();
      if (incidentIds.length === 0) return times;
      const rows = await db
        .selectFrom('incident_events')
        .select(['incident_id', sql<string>`payload->>'at'`.as('at')])
        .where('incident_id', 'in', incidentIds)
        .where('type', '=', type)
        .execute();
      for (const row of rows) times.set(row.incident_id, [...(times.get(row.incident_id) ?? []), row.at]);
      return times;
    },

    async events(incidentId) {
      const rows = await db
        .selectFrom('incident_events')
        .select(['seq', 'payload', 'recorded_at'])
        .where('incident_id', '=', incidentId)
        .orderBy('seq')
        .execute();
      return rows.map(toStoredEvent);
    },

    async recordChannel(incidentId, channel) {
      // First writer wins: a retried create must not replace the channel people already joined.
      const row = await db
        .updateTable('incidents')
        .set({
          channel_id: sql`coalesce(channel_id, ${channel.id})`,
          channel_name: sql`coalesce(channel_name, ${channel.name})`,
        })
        .where('id', '=', incidentId)
        .returning(['channel_id', 'channel_name'])
        .executeTakeFirstOrThrow();
      return { id: row.channel_id ?? channel.id, name: row.channel_name ?? channel.name };
    },

    async recordAnnouncement(incidentId, announcement) {
      await db
        .updateTable('incidents')
        .set({ announcement_channel: announcement.channel, announcement_ts: announcement.ts })
        .where('id', '=', incidentId)
        .execute();
    },

    async recordHeader(incidentId, ts) {
      await db.updateTable('incidents').set({ header_ts: ts }).where('id', '=', incidentId).execute();
    },
  };
}
