import { type Kysely, sql, type Transaction } from 'kysely';
import type { Effect } from '../../app/effects.js';
import type { Clock } from '../../app/ports/clock.js';
import type { IncidentStore, IncidentTransaction } from '../../app/ports/incident-store.js';
import type { IncidentEvent } from '../../domain/index.js';
import { summaryColumns, toStoredEvent, toStoredIncident } from './incident-rows.js';
import type { Database } from './schema.js';

const INCIDENT_COLUMNS = [
  'id',
  'team_id',
  'number',
  'snapshot',
  'version',
  'channel_id',
  'channel_name',
  'header_ts',
  'announcement_channel',
  'announcement_ts',
] as const;

/**
 * The incident store on PostgreSQL: the append-only timeline, the snapshot beside it, and the outbox.
 * Times the bot compares later (when an effect is due) come from `clock`, not from PostgreSQL's now().
 */
export function createIncidentStore(db: Kysely<Database>, clock: Clock): IncidentStore {
  return {
    transaction: (work) => db.transaction().execute((trx) => work(transactionOn(trx, clock))),

    async findById(incidentId) {
      const row = await db
        .selectFrom('incidents')
        .select(INCIDENT_COLUMNS)
        .where('id', '=', incidentId)
        .executeTakeFirst();
      return row ? toStoredIncident(row) : null;
    },

    async findByChannel(teamId, channelId) {
      const row = await db
        .selectFrom('incidents')
        .select(INCIDENT_COLUMNS)
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return row ? toStoredIncident(row) : null;
    },

    async listOpen(teamId, limit) {
      const rows = await db
        .selectFrom('incidents')
        .select(INCIDENT_COLUMNS)
        .where('team_id', '=', teamId)
        .where('status', 'in', ['investigating', 'identified', 'monitoring'])
        .orderBy('opened_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toStoredIncident);
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
      const rows = await db
        .selectFrom('incidents')
        .select(INCIDENT_COLUMNS)
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
      return rows.map(toStoredIncident);
    },

    async listOpenFollowUpsOf(teamId, owner) {
      const wanted = JSON.stringify({ followUps: [{ owner, status: 'open' }] });
      const rows = await db
        .selectFrom('incidents')
        .select(INCIDENT_COLUMNS)
        .where('team_id', '=', teamId)
        .where('status', '=', 'closed')
        .where(sql<boolean>`snapshot @> ${wanted}::jsonb`)
        .orderBy('opened_at')
        .limit(200)
        .execute();
      return rows.flatMap((row) => {
        const incident = toStoredIncident(row);
        return incident.state.status === 'closed'
          ? incident.state.followUps
              .filter((f) => f.owner === owner && f.status === 'open')
              .map((followUp) => ({ incidentId: incident.id, number: incident.number, followUp }))
          : [];
      });
    },

    async listEarlierOnService(teamId, service, since, excludeId) {
      const rows = await db
        .selectFrom('incidents')
        .select(INCIDENT_COLUMNS)
        .where('team_id', '=', teamId)
        .where(sql<string>`lower(service)`, '=', service.toLowerCase())
        .where('drill', '=', false)
        .where('opened_at', '>=', new Date(since))
        .where('id', '<>', excludeId)
        .orderBy('opened_at', 'desc')
        .limit(20)
        .execute();
      return rows.map(toStoredIncident);
    },

    async listOpenedSince(teamId, since) {
      const rows = await db
        .selectFrom('incidents')
        .select(INCIDENT_COLUMNS)
        .where('team_id', '=', teamId)
        .where('drill', '=', false)
        .where('opened_at', '>=', new Date(since))
        .orderBy('opened_at')
        .limit(5_000)
        .execute();
      return rows.map(toStoredIncident);
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

function transactionOn(trx: Transaction<Database>, clock: Clock): IncidentTransaction {
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
      const row = await trx
        .selectFrom('incidents')
        .select(INCIDENT_COLUMNS)
        .where('id', '=', incidentId)
        .forUpdate()
        .executeTakeFirst();
      return row ? toStoredIncident(row) : null;
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
      await insertEvents(trx, incident, expectedVersion, events);
      const updated = await trx
        .updateTable('incidents')
        .set({ ...summaryColumns(state), version: expectedVersion + events.length, updated_at: clock.now() })
        .where('id', '=', incident.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) throw new ConcurrentChangeError(incident.id, expectedVersion);
    },

    async enqueueEffects(incident, effects) {
      if (effects.length === 0) return;
      // Due now by the bot's clock: the outbox runner compares next_attempt_at with that clock.
      const now = clock.now();
      await trx
        .insertInto('outbox')
        .values(
          effects.map((effect: Effect) => ({
            team_id: incident.teamId,
            incident_id: incident.id,
            kind: effect.kind,
            payload: JSON.stringify(effect),
            next_attempt_at: now,
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

/** Someone else appended to the incident first; the caller may retry with fresh state. */
export class ConcurrentChangeError extends Error {
  constructor(incidentId: string, expectedVersion: number) {
    super(`incident ${incidentId} changed after version ${expectedVersion}`);
    this.name = 'ConcurrentChangeError';
  }
}
