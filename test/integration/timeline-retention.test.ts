import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pruneClosedTimelines } from '../../src/adapters/postgres/timeline-retention.js';
import { systemClock } from '../../src/app/ports/clock.js';
import type { FollowUpInput } from '../../src/domain/index.js';
import { recordClosedIncident } from '../support/closed-incident.js';
import { commandCoreOn, openCommand, openThrough } from '../support/command-core.js';
import { useTestDatabase } from '../support/test-database.js';

const TEAM = 'T0RETAIN';
const DANA = 'U0DANA';
const CUTOFF = new Date('2026-06-01T00:00:00.000Z');
const BEFORE_CUTOFF = new Date('2026-05-01T00:00:00.000Z');
const AFTER_CUTOFF = new Date('2026-06-15T00:00:00.000Z');

const followUps: FollowUpInput[] = [
  { id: 'r1', title: 'Add a canary', owner: DANA, due: '2099-01-01', rank: 1, control: true },
  { id: 'r2', title: 'Alert on errors', owner: DANA, due: '2099-01-02', rank: 2, control: true },
  { id: 'r3', title: 'Runbook', owner: DANA, due: '2099-01-03', rank: 3, control: false },
];

describe('TIMELINE_RETENTION: pruning closed incidents past their age', () => {
  const testDb = useTestDatabase();
  const bot = () => ({ db: testDb.db, clock: systemClock });
  const lastChanged = (id: string, at: Date) =>
    testDb.db.updateTable('incidents').set({ updated_at: at }).where('id', '=', id).execute();
  const rowsOf = async (id: string) => ({
    incident: (await testDb.db.selectFrom('incidents').select('id').where('id', '=', id).execute()).length,
    events: (
      await testDb.db.selectFrom('incident_events').select('seq').where('incident_id', '=', id).execute()
    ).length,
    outbox: (await testDb.db.selectFrom('outbox').select('id').where('incident_id', '=', id).execute())
      .length,
  });
  const closed = async (title: string, done: boolean) => {
    const id = await recordClosedIncident(bot(), { teamId: TEAM, commander: DANA, title, followUps });
    if (done) {
      const core = commandCoreOn(testDb.db);
      for (const { id: followUpId } of followUps) {
        const outcome = await core.run({
          incidentId: id,
          origin: null,
          command: {
            type: 'CompleteFollowUp',
            actor: DANA,
            now: systemClock.now().toISOString(),
            followUpId,
          },
        });
        expect(outcome.ok).toBe(true);
      }
    }
    return id;
  };

  it('deletes a closed incident whose follow-ups are all done and whose last change is past the cutoff: events, snapshot and outbox rows', async () => {
    const gone = await closed('Old and finished', true);
    const recent = await closed('Recent and finished', true);
    const followUpsOpen = await closed('Old, follow-ups still open', false);
    const core = commandCoreOn(testDb.db);
    const stillOpen = (await openThrough(core, TEAM, openCommand('Old but never resolved', { actor: DANA })))
      .id;
    await lastChanged(gone, BEFORE_CUTOFF);
    await lastChanged(recent, AFTER_CUTOFF);
    await lastChanged(followUpsOpen, BEFORE_CUTOFF);
    await lastChanged(stillOpen, BEFORE_CUTOFF);
    const kept = [recent, followUpsOpen, stillOpen];
    const before = await Promise.all(kept.map(rowsOf));
    expect((await rowsOf(gone)).events).toBeGreaterThan(3);

    expect(await pruneClosedTimelines(testDb.db, CUTOFF, 1)).toEqual({ incidents: 1 });

    expect(await rowsOf(gone)).toEqual({ incident: 0, events: 0, outbox: 0 });
    expect(await Promise.all(kept.map(rowsOf))).toEqual(before);
    // Numbers are never reused: the next incident of the team takes the next one.
    const next = await openThrough(core, TEAM, openCommand('After pruning', { actor: DANA }));
    expect(next.number).toBe(5);
    expect(await pruneClosedTimelines(testDb.db, CUTOFF)).toEqual({ incidents: 0 });
  });

  it('leaves the timeline append-only everywhere else: no delete without the pruning setting, none of an incident not closed even with it', async () => {
    const id = await closed('Closed, deleted by hand', true);
    await expect(
      sql`delete from incident_events where incident_id = ${id}`.execute(testDb.db),
    ).rejects.toThrow(/append-only \(DELETE refused\)/);
    const core = commandCoreOn(testDb.db);
    const open = (await openThrough(core, TEAM, openCommand('Open, deleted by hand', { actor: DANA }))).id;
    await expect(
      testDb.db.transaction().execute(async (tx) => {
        await sql`set local incident_commander.prune_timeline = 'on'`.execute(tx);
        await sql`delete from incident_events where incident_id = ${open}`.execute(tx);
      }),
    ).rejects.toThrow(/append-only \(DELETE refused\)/);
    await expect(
      testDb.db.transaction().execute(async (tx) => {
        await sql`set local incident_commander.prune_timeline = 'on'`.execute(tx);
        await sql`update incident_events set actor = 'U0X' where incident_id = ${id}`.execute(tx);
      }),
    ).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(sql`truncate incident_events`.execute(testDb.db)).rejects.toThrow(/TRUNCATE refused/);
    expect((await rowsOf(id)).events).toBeGreaterThan(0);
    expect((await rowsOf(open)).events).toBeGreaterThan(0);
  });
});
