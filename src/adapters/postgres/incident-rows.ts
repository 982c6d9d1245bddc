import type { Selectable } from 'kysely';
import type { StoredEvent, StoredIncident } from '../../app/ports/incident-store.js';
import type { IncidentEvent, IncidentState } from '../../domain/index.js';
import type { IncidentEventsTable, IncidentsTable } from './schema.js';

/** Maps an `incidents` row to the application's view of it. */
export function toStoredIncident(
  row: Pick<
    Selectable<IncidentsTable>,
    | 'id'
    | 'team_id'
    | 'number'
    | 'snapshot'
    | 'version'
    | 'channel_id'
    | 'channel_name'
    | 'header_ts'
    | 'announcement_channel'
    | 'announcement_ts'
  >,
): StoredIncident {
  return {
    id: row.id,
    teamId: row.team_id,
    number: row.number,
    state: row.snapshot as IncidentState,
    version: row.version,
    channelId: row.channel_id,
    channelName: row.channel_name,
    headerTs: row.header_ts,
    announcement:
      row.announcement_channel && row.announcement_ts
        ? { channel: row.announcement_channel, ts: row.announcement_ts }
        : null,
  };
}

export function toStoredEvent(
  row: Pick<Selectable<IncidentEventsTable>, 'seq' | 'payload' | 'recorded_at'>,
): StoredEvent {
  return { seq: row.seq, event: row.payload as IncidentEvent, recordedAt: row.recorded_at };
}

/** The columns of `incidents` that mirror the state, for listing and filtering without the snapshot. */
export function summaryColumns(state: IncidentState) {
  if (state.status === 'none') throw new Error('cannot store an incident that was never opened');
  return {
    title: state.title,
    service: state.service,
    status: state.status,
    severity: state.severity,
    private: state.private,
    drill: state.drill,
    opened_at: new Date(state.openedAt),
    snapshot: JSON.stringify(state),
  };
}
