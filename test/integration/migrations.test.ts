import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as timelineNoTruncate from '../../migrations/2026-12-01T0900_timeline_no_truncate.js';
import { migrateToLatest } from '../../src/adapters/postgres/migrate.js';
import { useTestDatabase } from '../support/test-database.js';

describe('migrations', () => {
  const testDb = useTestDatabase();

  it('are already applied in the cloned database, and re-running them from several replicas at once does nothing', async () => {
    const results = await Promise.all([
      migrateToLatest(testDb.db),
      migrateToLatest(testDb.db),
      migrateToLatest(testDb.db),
    ]);
    for (const { error, results: applied } of results) {
      expect(error).toBeUndefined();
      expect(applied).toEqual([]);
    }
  });

  it('apply on an empty database from several replicas at once, each migration exactly once', async () => {
    await sql`drop schema public cascade`.execute(testDb.db);
    await sql`create schema public`.execute(testDb.db);
    const outcomes = await Promise.all([migrateToLatest(testDb.db), migrateToLatest(testDb.db)]);
    expect(outcomes.map((o) => o.error)).toEqual([undefined, undefined]);
    const applied = outcomes.flatMap((o) => o.results ?? []).filter((r) => r.status === 'Success');
    const { rows } = await sql<{
      count: number;
    }>`select count(*)::int as count from kysely_migration`.execute(testDb.db);
    expect(applied.length).toBe(rows[0]?.count);
    expect(applied.length).toBeGreaterThan(0);
  });

  it('keep the timeline append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await sql`insert into incidents (id, team_id, number, title, status, severity, private, drill, opened_at, snapshot, version)
      values ('00000000-0000-0000-0000-000000000001', 'T1', 1, 't', 'investigating', 'pending', false, false, now(), '{}', 1)`.execute(
      testDb.db,
    );
    await sql`insert into incident_events (incident_id, seq, team_id, type, payload, actor, occurred_at)
      values ('00000000-0000-0000-0000-000000000001', 1, 'T1', 'IncidentOpened', '{}', 'U1', now())`.execute(
      testDb.db,
    );
    await expect(sql`update incident_events set actor = 'U2'`.execute(testDb.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from incident_events`.execute(testDb.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate incident_events`.execute(testDb.db)).rejects.toThrow(
      /append-only \(TRUNCATE refused\)/,
    );
    await expect(sql`truncate incidents cascade`.execute(testDb.db)).rejects.toThrow(/append-only/);
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from incident_events`.execute(
      testDb.db,
    );
    expect(rows[0]?.count).toBe(1);
  });

  it('lift only the TRUNCATE rule when the no-truncate migration is undone, and restore it when redone', async () => {
    await timelineNoTruncate.down(testDb.db);
    await expect(sql`update incident_events set actor = 'U2'`.execute(testDb.db)).rejects.toThrow(
      /append-only/,
    );
    await sql`truncate incident_events`.execute(testDb.db);

    await timelineNoTruncate.up(testDb.db);
    await expect(sql`truncate incident_events`.execute(testDb.db)).rejects.toThrow(/append-only/);
  });
});
