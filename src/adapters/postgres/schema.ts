import type { ColumnType, Generated } from 'kysely';

/**
 * Row types as PostgreSQL stores them. Kept apart from domain types: the mappers in the
 * repositories translate, so a schema change never leaks into the domain.
 * jsonb columns are written as JSON text (pg would turn a JS array into a PostgreSQL array) and
 * read back parsed.
 */
export interface Database {
  incident_numbers: IncidentNumbersTable;
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  outbox: OutboxTable;
  outbox_leases: OutboxLeasesTable;
  processed_slack_events: ProcessedSlackEventsTable;
  deliveries: DeliveriesTable;
  runbooks: RunbooksTable;
  slack_installations: SlackInstallationsTable;
  slack_workspace_enterprises: SlackWorkspaceEnterprisesTable;
}

type CreatedNow = ColumnType<Date, Date | undefined, never>;

export interface IncidentNumbersTable {
  team_id: string;
  last_number: number;
}

export interface IncidentsTable {
  id: string;
  team_id: string;
  number: number;
  title: string;
  service: string | null;
  status: string;
  severity: string;
  private: boolean;
  drill: boolean;
  opened_at: Date;
  snapshot: ColumnType<unknown, string, string>;
  /** The STATE_VERSION of the fold that wrote `snapshot`. */
  snapshot_version: ColumnType<number, number | undefined, number>;
  version: number;
  channel_id: string | null;
  channel_name: string | null;
  header_ts: string | null;
  announcement_channel: string | null;
  announcement_ts: string | null;
  created_at: CreatedNow;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface IncidentEventsTable {
  incident_id: string;
  seq: number;
  team_id: string;
  type: string;
  payload: ColumnType<unknown, string, never>;
  actor: string;
  occurred_at: Date;
  recorded_at: CreatedNow;
}

export interface OutboxTable {
  /** bigserial; int8 is parsed to a number (see database.ts). */
  id: Generated<number>;
  team_id: string;
  incident_id: string;
  kind: string;
  payload: ColumnType<unknown, string, never>;
  created_at: CreatedNow;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  last_error: string | null;
  done_at: Date | null;
  outcome: string | null;
  /** Set with `done_at` when the effect was given up: it cannot succeed (or ran out of tries). */
  failed_at: Date | null;
  failure: string | null;
}

export interface OutboxLeasesTable {
  incident_id: string;
  /** Which process drains the incident's outbox until `lease_until`. */
  holder: string;
  lease_until: Date;
}

export interface ProcessedSlackEventsTable {
  event_id: string;
  team_id: string;
  received_at: CreatedNow;
}

export interface DeliveriesTable {
  key: string;
  detail: string | null;
  delivered_at: Generated<Date>;
}

export interface RunbooksTable {
  team_id: string;
  /** The service as matched: trimmed, lower case. */
  service_key: string;
  /** The service as it was last written. */
  service: string;
  url: string;
  set_by: string;
  set_at: Date;
  created_at: CreatedNow;
}

export interface SlackInstallationsTable {
  /** `enterprise:<id>` for an org-wide install, `team:<id>` for any other (as Bolt keys them). */
  installation_key: string;
  enterprise_id: string | null;
  team_id: string | null;
  is_enterprise_install: boolean;
  /** Bolt's Installation object, tokens included: written as JSON text, read back parsed. */
  installation: ColumnType<unknown, string, string>;
  installed_at: CreatedNow;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SlackWorkspaceEnterprisesTable {
  team_id: string;
  enterprise_id: string;
}
