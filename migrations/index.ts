import type { Migration } from 'kysely';
import * as initial from './2026-11-22T1400_initial.js';
import * as announcements from './2026-11-22T1700_announcements.js';
import * as deliveries from './2026-11-22T1900_deliveries.js';
import * as timelineNoTruncate from './2026-12-01T0900_timeline_no_truncate.js';
import * as retentionIndexes from './2026-12-01T0930_retention_indexes.js';
import * as snapshotVersionAndOutboxLeases from './2026-12-01T1000_snapshot_version_and_outbox_leases.js';
import * as runbooks from './2026-12-01T1200_runbooks.js';
import * as slackInstallations from './2026-12-01T1300_slack_installations.js';

/**
 * Every migration, by name, in the order they apply. Listed statically rather than read from the
 * folder so the same list loads under tsx, vitest and the compiled `dist/` build alike.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T1400_initial': initial,
  '2026-11-22T1700_announcements': announcements,
  '2026-11-22T1900_deliveries': deliveries,
  '2026-12-01T0900_timeline_no_truncate': timelineNoTruncate,
  '2026-12-01T0930_retention_indexes': retentionIndexes,
  '2026-12-01T1000_snapshot_version_and_outbox_leases': snapshotVersionAndOutboxLeases,
  '2026-12-01T1200_runbooks': runbooks,
  '2026-12-01T1300_slack_installations': slackInstallations,
};
