import { type Kysely, sql, type Transaction } from 'kysely';
import type { StoredIncident } from '../../app/ports/incident-store.js';
import { replay, STATE_VERSION } from '../../domain/index.js';
import {
  INCIDENT_COLUMNS,
  type IncidentRow,
  parseEvent,
  toStoredIncident,
  trustedSnapshot,
} from './incident-rows.js';
import type { Database } from './schema.js';

export type Queryable = Kysely<Database> | Transaction<Database>;

/**
 * Rows to incidents. A snapshot written by an older fold (or unreadable) is rebuilt from the
 * incident's events and written back, so a change to `evolve` reaches every stored incident the
 * next time it is read, and a corrupted snapshot never reaches the domain.
 */
export async function hydrate(db: Queryable, row: IncidentRow): Promise<StoredIncident> {
  const trusted = trustedSnapshot(row);
  if (trusted) return toStoredIncident(row, trusted);
  const events = await db
    .selectFrom('incident_events')
    .select('payload')
    .where('incident_id', '=', row.id)
    .orderBy('seq')
    .execute();
  const state = replay(events.map((event) => parseEvent(event.payload)));
  if (state.status !== 'none')
    await db
      .updateTable('incidents')
      .set({ snapshot: JSON.stringify(state), snapshot_version: STATE_VERSION })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .execute();
  return toStoredIncident(row, state);
}

export const hydrateAll = (db: Queryable, rows: readonly IncidentRow[]) =>
  Promise.all(rows.map((row) => hydrate(db, row)));

/** Incidents selected with every column a read needs; add the filters. */
export const incidentsFrom = (db: Queryable) => db.selectFrom('incidents').select(INCIDENT_COLUMNS);

/** The one incident the filtered query finds, hydrated; null when there is none. */
export async function oneIncident(
  query: ReturnType<typeof incidentsFrom>,
  db: Queryable,
): Promise<StoredIncident | null> {
  const row = await query.executeTakeFirst();
  return row ? hydrate(db, row) : null;
}

/** Other real incidents on the service opened since `since`, newest first (the broke-twice rule). */
export async function earlierOnService(
  db: Queryable,
  teamId: string,
  service: string,
  since: string,
  excludeId: string,
): Promise<StoredIncident[]> {
  const rows = await incidentsFrom(db)
    .where('team_id', '=', teamId)
    .where(sql<string>`lower(trim(service))`, '=', service.trim().toLowerCase())
    .where('drill', '=', false)
    .where('opened_at', '>=', new Date(since))
    .where('id', '<>', excludeId)
    .orderBy('opened_at', 'desc')
    .limit(20)
    .execute();
  return hydrateAll(db, rows);
}
