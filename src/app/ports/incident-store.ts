import type { FollowUp, IncidentEvent, IncidentState } from '../../domain/index.js';
import type { Effect } from '../effects.js';

/** An incident as stored: its decided state plus what Slack effects have recorded about it. */
export interface StoredIncident {
  readonly id: string;
  readonly teamId: string;
  readonly number: number;
  readonly state: IncidentState;
  /** The sequence number of the last event: the optimistic-concurrency version. */
  readonly version: number;
  readonly channelId: string | null;
  readonly channelName: string | null;
  readonly headerTs: string | null;
  /** Where the incident was announced, once it has been. */
  readonly announcement: { readonly channel: string; readonly ts: string } | null;
}

/** One event on the timeline, as stored. */
export interface StoredEvent {
  readonly seq: number;
  readonly event: IncidentEvent;
  readonly recordedAt: Date;
}

/** What can be done inside one transaction: either all of it is committed, or none. */
export interface IncidentTransaction {
  /** The next incident number for a Slack team; numbers are never reused. */
  allocateNumber(teamId: string): Promise<number>;
  /** Loads the incident and locks it until the transaction ends, serialising concurrent commands. */
  lockIncident(incidentId: string): Promise<StoredIncident | null>;
  /** Creates the incident with its first events and the state they lead to. */
  createIncident(
    incident: { id: string; teamId: string; number: number },
    events: readonly IncidentEvent[],
    state: IncidentState,
  ): Promise<void>;
  /** Appends events after `expectedVersion` and saves the state they lead to. */
  appendEvents(
    incident: { id: string; teamId: string },
    expectedVersion: number,
    events: readonly IncidentEvent[],
    state: IncidentState,
  ): Promise<void>;
  /** `commandId` names the command that wrote them, for the outbox's log lines. */
  enqueueEffects(
    incident: { id: string; teamId: string },
    effects: readonly Effect[],
    commandId?: string,
  ): Promise<void>;
  /** Records a Slack event id; false when it was recorded before (a retried delivery). */
  markEventProcessed(teamId: string, eventId: string): Promise<boolean>;
  /** As {@link IncidentStore.listEarlierOnService}, inside the transaction. */
  readonly listEarlierOnService: EarlierOnService;
}

/** Other real (not drill) incidents on the service opened since `since`, newest first: "broke twice". */
export type EarlierOnService = (
  teamId: string,
  service: string,
  since: string,
  excludeId: string,
) => Promise<StoredIncident[]>;

/** The incident store port. The PostgreSQL adapter implements it; tests may use a fake. */
export interface IncidentStore {
  transaction<T>(work: (tx: IncidentTransaction) => Promise<T>): Promise<T>;
  findById(incidentId: string): Promise<StoredIncident | null>;
  findByChannel(teamId: string, channelId: string): Promise<StoredIncident | null>;
  /** Incidents not yet resolved, newest first. */
  listOpen(teamId: string, limit: number): Promise<StoredIncident[]>;
  /** Ids of incidents whose state can call for timers, in id order after `afterId`. */
  listWithTimers(afterId: string | null, limit: number): Promise<string[]>;
  /** Closed incidents with follow-ups still open or dropped (for the weekly review), oldest first. */
  listClosedWithFollowUps(limit: number): Promise<StoredIncident[]>;
  /** One person's open follow-ups in a workspace, with the incident each belongs to. */
  listOpenFollowUpsOf(
    teamId: string,
    owner: string,
  ): Promise<{ incidentId: string; number: number; followUp: FollowUp }[]>;
  readonly listEarlierOnService: EarlierOnService;
  /** Real (not drill) incidents opened since `since`, oldest first: the figures' raw material. */
  listOpenedSince(teamId: string, since: string): Promise<StoredIncident[]>;
  /** When each of these incidents recorded events of one type (e.g. stakeholder updates). */
  eventTimes(incidentIds: readonly string[], type: IncidentEvent['type']): Promise<Map<string, string[]>>;
  events(incidentId: string): Promise<StoredEvent[]>;
  /** Records the channel an effect created, unless one is already recorded; returns the recorded one. */
  recordChannel(
    incidentId: string,
    channel: { id: string; name: string },
  ): Promise<{ id: string; name: string }>;
  recordHeader(incidentId: string, ts: string): Promise<void>;
  recordAnnouncement(incidentId: string, announcement: { channel: string; ts: string }): Promise<void>;
}
