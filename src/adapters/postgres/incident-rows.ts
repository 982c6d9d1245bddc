import type { Selectable } from 'kysely';
import type { StoredEvent, StoredIncident } from '../../app/ports/incident-store.js';
import { type IncidentEvent, type IncidentState, STATE_VERSION } from '../../domain/index.js';
import { parseStoredEvent } from './event-schema.js';
import type { IncidentEventsTable, IncidentsTable } from './schema.js';
import { parseStoredState } from './state-schema.js';

/** The columns every read of an incident selects. */
export const INCIDENT_COLUMNS = [
  'id',
  'team_id',
  'number',
  'snapshot',
  'snapshot_version',
  'version',
  'channel_id',
  'channel_name',
  'header_ts',
  'announcement_channel',
  'announcement_ts',
] as const;

export type IncidentRow = Pick<Selectable<IncidentsTable>, (typeof INCIDENT_COLUMNS)[number]>;

/**
 * The snapshot, when it can be trusted: written by the current version of the fold and of the
 * state's shape. Null means "rebuild it from the events".
 */
export function trustedSnapshot(row: IncidentRow): IncidentState | null {
  if (row.snapshot_version !== STATE_VERSION) return null;
  return parseSnapshot(row.snapshot);
}

/** Maps an `incidents` row and its state to the application's view of it. */
export function toStoredIncident(row: IncidentRow, state: IncidentState): StoredIncident {
  return {
    id: row.id,
    teamId: row.team_id,
    number: row.number,
    state,
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
  return { seq: row.seq, event: parseEvent(row.payload), recordedAt: row.recorded_at };
}

/**
 * An event as stored, validated: a payload that is not one is a corrupted timeline, which must
 * never be folded into a state (it would be wrong silently), so it stops the read loudly.
 */
export function parseEvent(payload: unknown): IncidentEvent {
  const event = parseStoredEvent(payload);
  if (!event) throw new CorruptedTimelineError();
  return event;
}

/** A snapshot that does not parse is rebuilt from the events; a `none` one was never written by us. */
function parseSnapshot(snapshot: unknown): IncidentState | null {
  const state = parseStoredState(snapshot);
  return state && state.status !== 'none' ? state : null;
}

export class CorruptedTimelineError extends Error {
  constructor() {
    super('a stored event does not match any incident event');
    this.name = 'CorruptedTimelineError';
  }
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
    snapshot_version: STATE_VERSION,
  };
}
