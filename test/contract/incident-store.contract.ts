import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrentChangeError } from '../../src/app/ports/concurrent-change-error.js';
import type { IncidentStore, StoredIncident } from '../../src/app/ports/incident-store.js';
import { type IncidentEvent, type IncidentOpened, replay } from '../../src/domain/index.js';
import {
  ALEX,
  at,
  commanderIs,
  DANA,
  followUp,
  followUpCompleted,
  followUpDropped,
  opened,
  postmortemRecorded,
  resolved,
  statusChanged,
} from '../support/incident-events.js';

/** A store to check, and how to put it away afterwards. */
export type IncidentStoreFactory = () => Promise<{ store: IncidentStore; close(): Promise<void> }>;

const DAY_MINUTES = 24 * 60;
const note = (minutes: number, text: string): IncidentEvent => ({
  type: 'NoteAdded',
  at: at(minutes),
  by: DANA,
  text,
});

/** How far an incident's history goes, each stage after the one before. */
type Stage = 'open' | 'resolved' | 'closed';

/**
 * What every implementation of the incident store port must do, as src/app/ports/incident-store.ts
 * documents it and the command core relies on. One store serves the whole suite (a database is
 * slow to make), so each test works in Slack teams of its own and reads global listings only for
 * the incidents it made.
 */
export function describeIncidentStoreContract(name: string, factory: IncidentStoreFactory): void {
  describe(`the incident store contract: ${name}`, () => {
    let store: IncidentStore;
    let close = async () => {};

    beforeAll(async () => {
      ({ store, close } = await factory());
    });
    afterAll(async () => {
      await close();
    });

    const newTeam = () => `T${randomBytes(4).toString('hex').toUpperCase()}`;

    /**
     * An incident opened `minutes` after T0 (earlier when negative) in `teamId`, taken to `stage`
     * in one transaction, as the command core stores an open: a number, the events, their state.
     */
    async function seed(
      teamId: string,
      options: {
        minutes?: number;
        stage?: Stage;
        opening?: Partial<IncidentOpened>;
        followUps?: Parameters<typeof postmortemRecorded>[0];
        after?: (start: number) => IncidentEvent[];
      } = {},
    ): Promise<StoredIncident> {
      const start = options.minutes ?? 0;
      const id = randomUUID();
      const number = await store.transaction(async (tx) => {
        const allocated = await tx.allocateNumber(teamId);
        const events = history(start, allocated, options);
        await tx.createIncident({ id, teamId, number: allocated }, events, replay(events));
        return allocated;
      });
      const incident = await store.findById(id);
      if (incident?.number !== number) throw new Error(`seeded incident ${id} was not stored`);
      return incident;
    }

    function history(
      start: number,
      number: number,
      options: Parameters<typeof seed>[1] = {},
    ): IncidentEvent[] {
      const stage = options.stage ?? 'open';
      return [
        opened({ at: at(start), number, ...options.opening }),
        ...(stage === 'open' ? [] : [resolved(start + 40)]),
        ...(stage === 'closed' ? [postmortemRecorded(options.followUps ?? [], start + 60)] : []),
        ...(options.after?.(start) ?? []),
      ];
    }

    /** Appends `events` to the incident as it is now, in a transaction that locks it first. */
    const append = (incidentId: string, events: IncidentEvent[]) =>
      store.transaction(async (tx) => {
        const locked = await tx.lockIncident(incidentId);
        if (!locked) throw new Error(`no incident ${incidentId}`);
        await tx.appendEvents(locked, locked.version, events, replay(events, locked.state));
      });

    const ids = (incidents: readonly StoredIncident[]) => incidents.map((i) => i.id);

    it('numbers incidents per team from 1, never two alike, also when opened at the same moment', async () => {
      const team = newTeam();
      const burst = await Promise.all(Array.from({ length: 6 }, () => seed(team)));
      expect(burst.map((i) => i.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await seed(newTeam())).number).toBe(1);
      expect((await seed(team)).number).toBe(7);
    });

    it('creates an incident with its first events and finds it by id; an unknown id finds nothing', async () => {
      const team = newTeam();
      const events = history(0, 1, { stage: 'resolved' });
      const id = randomUUID();
      await store.transaction(async (tx) => {
        expect(await tx.allocateNumber(team)).toBe(1);
        await tx.createIncident({ id, teamId: team, number: 1 }, events, replay(events));
      });
      expect(await store.findById(id)).toEqual({
        id,
        teamId: team,
        number: 1,
        state: replay(events),
        version: 2,
        channelId: null,
        channelName: null,
        headerTs: null,
        announcement: null,
      });
      expect(await store.findById(randomUUID())).toBeNull();
      expect(await store.transaction((tx) => tx.lockIncident(randomUUID()))).toBeNull();
      expect(await store.events(randomUUID())).toEqual([]);
    });

    it('appends events after the version they were decided on, keeps them in order, and saves their state', async () => {
      const incident = await seed(newTeam(), { minutes: 0 });
      await append(incident.id, [commanderIs(DANA, 1), statusChanged(5, 'identified')]);
      await append(incident.id, [note(6, 'p99 back to normal')]);
      const stored = await store.events(incident.id);
      expect(stored.map((e) => [e.seq, e.event.type])).toEqual([
        [1, 'IncidentOpened'],
        [2, 'RoleAssigned'],
        [3, 'StatusChanged'],
        [4, 'NoteAdded'],
      ]);
      for (const event of stored) expect(event.recordedAt).toBeInstanceOf(Date);
      const found = await store.findById(incident.id);
      expect(found?.version).toBe(4);
      expect(found?.state).toEqual(replay(stored.map((e) => e.event)));
      expect(found?.state).toMatchObject({ status: 'identified', roles: { commander: DANA } });
    });

    it('refuses an append decided on a version the incident has moved on from, recording nothing', async () => {
      const incident = await seed(newTeam());
      await append(incident.id, [commanderIs(DANA, 1)]);
      const event = note(2, 'decided on an old view');
      const appendAfter = (version: number) =>
        store.transaction((tx) =>
          tx.appendEvents(incident, version, [event], replay([event], incident.state)),
        );
      // Behind: someone appended after version 1; the caller may retry with fresh state.
      await expect(appendAfter(1)).rejects.toBeInstanceOf(ConcurrentChangeError);
      // Ahead: a version the incident never had.
      await expect(appendAfter(5)).rejects.toBeInstanceOf(ConcurrentChangeError);
      expect((await store.events(incident.id)).map((e) => e.event.type)).toEqual([
        'IncidentOpened',
        'RoleAssigned',
      ]);
      expect((await store.findById(incident.id))?.version).toBe(2);
    });

    it('runs transactions that lock the same incident one after the other', async () => {
      const incident = await seed(newTeam());
      const versions = await Promise.all(
        [1, 2, 3, 4].map((n) =>
          store.transaction(async (tx) => {
            const locked = await tx.lockIncident(incident.id);
            if (!locked) throw new Error('incident not found');
            // Long enough for another transaction to read the same version, were it not locked out.
            await new Promise((resolve) => setTimeout(resolve, 20));
            const event = note(n, `note ${n}`);
            await tx.appendEvents(locked, locked.version, [event], replay([event], locked.state));
            return locked.version;
          }),
        ),
      );
      expect(versions.sort()).toEqual([1, 2, 3, 4]);
      expect((await store.events(incident.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect((await store.findById(incident.id))?.version).toBe(5);
    });

    it('rolls back all a transaction wrote when its work throws', async () => {
      const team = newTeam();
      const id = randomUUID();
      const eventId = `Ev${randomBytes(5).toString('hex')}`;
      const failure = new Error('the work failed');
      await expect(
        store.transaction(async (tx) => {
          const number = await tx.allocateNumber(team);
          const events = history(0, number);
          await tx.createIncident({ id, teamId: team, number }, events, replay(events));
          await tx.enqueueEffects({ id, teamId: team }, [{ kind: 'header.render' }]);
          expect(await tx.markEventProcessed(team, eventId)).toBe(true);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store.findById(id)).toBeNull();
      expect(await store.events(id)).toEqual([]);
      // Nothing of it is left: not the number, not the event id.
      expect((await seed(team)).number).toBe(1);
      expect(await store.transaction((tx) => tx.markEventProcessed(team, eventId))).toBe(true);
    });

    it('records a Slack event id once, also when two deliveries of it race', async () => {
      const team = newTeam();
      const mark = (eventId: string, teamId = team) =>
        store.transaction((tx) => tx.markEventProcessed(teamId, eventId));
      const once = `Ev${randomBytes(5).toString('hex')}`;
      expect(await mark(once)).toBe(true);
      expect(await mark(once)).toBe(false);
      // Slack's event ids are unique across workspaces.
      expect(await mark(once, newTeam())).toBe(false);
      const raced = `Ev${randomBytes(5).toString('hex')}`;
      const both = await Promise.all([
        store.transaction(async (tx) => {
          const first = await tx.markEventProcessed(team, raced);
          await new Promise((resolve) => setTimeout(resolve, 20));
          return first;
        }),
        mark(raced),
      ]);
      expect(both.sort()).toEqual([false, true]);
    });

    it('lists a team’s unresolved incidents, newest first, as many as asked for', async () => {
      const team = newTeam();
      const oldest = await seed(team, { minutes: -30 });
      const identified = await seed(team, {
        minutes: -10,
        after: (s) => [statusChanged(s + 5, 'identified')],
      });
      const monitoring = await seed(team, {
        minutes: -20,
        after: (s) => [statusChanged(s + 5, 'monitoring')],
      });
      await seed(team, { minutes: -5, stage: 'resolved' });
      await seed(team, { minutes: -1, stage: 'closed' });
      await seed(newTeam(), { minutes: 0 });
      expect(ids(await store.listOpen(team, 10))).toEqual([identified.id, monitoring.id, oldest.id]);
      expect(ids(await store.listOpen(team, 2))).toEqual([identified.id, monitoring.id]);
    });

    /** Incidents in every stage a timer cares about; the closed ones with follow-ups in each state. */
    async function timerFixtures(team: string) {
      const followUps = [followUp('f1', ALEX), followUp('f2', DANA, { rank: 2 })];
      return {
        open: await seed(team, { minutes: -50 }),
        resolved: await seed(team, { minutes: -40, stage: 'resolved' }),
        closedOpen: await seed(team, {
          minutes: -30,
          stage: 'closed',
          followUps,
          after: (s) => [followUpCompleted(s + 70, 'f1')],
        }),
        closedDropped: await seed(team, {
          minutes: -20,
          stage: 'closed',
          followUps,
          after: (s) => [followUpCompleted(s + 70, 'f1'), followUpDropped(s + 71, 'f2')],
        }),
        closedDone: await seed(team, {
          minutes: -10,
          stage: 'closed',
          followUps,
          after: (s) => [followUpCompleted(s + 70, 'f1'), followUpCompleted(s + 71, 'f2')],
        }),
      };
    }

    it('lists the ids of incidents that can call for timers in id order, a page at a time', async () => {
      const made = await timerFixtures(newTeam());
      const mine = new Set(Object.values(made).map((i) => i.id));
      const all = await store.listWithTimers(null, 100_000);
      expect(all).toEqual([...all].sort());
      expect(all.filter((id) => mine.has(id))).toEqual(
        [made.open.id, made.resolved.id, made.closedOpen.id].sort(),
      );
      expect(await store.listWithTimers(null, 2)).toEqual(all.slice(0, 2));
      expect(await store.listWithTimers(all[0] ?? null, 2)).toEqual(all.slice(1, 3));
      expect(await store.listWithTimers(all.at(-1) ?? null, 10)).toEqual([]);
    });

    it('lists closed incidents with follow-ups still open or dropped, oldest first', async () => {
      const made = await timerFixtures(newTeam());
      const mine = new Set(Object.values(made).map((i) => i.id));
      const all = await store.listClosedWithFollowUps(100_000);
      expect(ids(all).filter((id) => mine.has(id))).toEqual([made.closedOpen.id, made.closedDropped.id]);
      expect(ids(await store.listClosedWithFollowUps(1))).toEqual(ids(all).slice(0, 1));
    });

    it('lists one person’s open follow-ups in a workspace, with the incident each belongs to', async () => {
      const team = newTeam();
      const followUps = [
        followUp('f1', ALEX),
        followUp('f2', DANA, { rank: 2 }),
        followUp('f3', ALEX, { rank: 3, title: 'Done already' }),
      ];
      const older = await seed(team, {
        minutes: -100,
        stage: 'closed',
        followUps,
        after: (s) => [followUpCompleted(s + 70, 'f3')],
      });
      const newer = await seed(team, { minutes: -50, stage: 'closed', followUps: [followUp('n1', ALEX)] });
      await seed(team, { minutes: -20, stage: 'closed', followUps: [followUp('d1', DANA)] });
      await seed(newTeam(), { minutes: -10, stage: 'closed', followUps: [followUp('x1', ALEX)] });
      const listed = await store.listOpenFollowUpsOf(team, ALEX);
      expect(listed.map((l) => [l.incidentId, l.number, l.followUp.id, l.followUp.status])).toEqual([
        [older.id, older.number, 'f1', 'open'],
        [newer.id, newer.number, 'n1', 'open'],
      ]);
      expect(listed[0]?.followUp).toMatchObject({ title: 'Follow-up f1', owner: ALEX, due: '2026-12-01' });
      expect(await store.listOpenFollowUpsOf(team, 'U0NOBODY')).toEqual([]);
    });

    it('lists other real incidents on a service since a date, newest first, in a transaction or not', async () => {
      const team = newTeam();
      const on = (service: string | null, minutes: number, drill = false) =>
        seed(team, { minutes, stage: 'resolved', opening: { service, drill } });
      const since = at(-90 * DAY_MINUTES);
      const earlier = await on('checkout', -50 * DAY_MINUTES);
      const spelledOtherwise = await on('Checkout ', -10 * DAY_MINUTES);
      await on('checkout', -5 * DAY_MINUTES, true); // a drill
      await on('search', -3 * DAY_MINUTES);
      await on(null, -2 * DAY_MINUTES);
      await on('checkout', -200 * DAY_MINUTES); // before `since`
      await seed(newTeam(), { minutes: -1 * DAY_MINUTES, opening: { service: 'checkout' } });
      const current = await on('checkout', 0);
      const expected = [spelledOtherwise.id, earlier.id];
      expect(ids(await store.listEarlierOnService(team, ' Checkout ', since, current.id))).toEqual(expected);
      expect(
        ids(await store.transaction((tx) => tx.listEarlierOnService(team, 'checkout', since, current.id))),
      ).toEqual(expected);
      expect(
        ids(await store.listEarlierOnService(team, 'checkout', at(-20 * DAY_MINUTES), current.id)),
      ).toEqual([spelledOtherwise.id]);
    });

    it('lists real incidents opened since a date, oldest first: the figures’ raw material', async () => {
      const team = newTeam();
      await seed(team, { minutes: -40 * DAY_MINUTES });
      const first = await seed(team, { minutes: -20 * DAY_MINUTES, stage: 'closed' });
      await seed(team, { minutes: -15 * DAY_MINUTES, opening: { drill: true } });
      const second = await seed(team, { minutes: -1 });
      await seed(newTeam(), { minutes: -2 });
      expect(ids(await store.listOpenedSince(team, at(-30 * DAY_MINUTES)))).toEqual([first.id, second.id]);
    });

    it('tells when each incident recorded events of one type', async () => {
      const team = newTeam();
      const a = await seed(team, {
        after: (s) => [note(s + 1, 'one'), commanderIs(DANA, s + 2), note(s + 3, 'two')],
      });
      const b = await seed(team, { after: (s) => [note(s + 4, 'three')] });
      const quiet = await seed(team);
      const times = await store.eventTimes([a.id, b.id, quiet.id], 'NoteAdded');
      expect([...times.keys()].sort()).toEqual([a.id, b.id].sort());
      expect([...(times.get(a.id) ?? [])].sort()).toEqual([at(1), at(3)]);
      expect(times.get(b.id)).toEqual([at(4)]);
      expect((await store.eventTimes([], 'NoteAdded')).size).toBe(0);
    });

    it('records the channel the first writer created, and finds the incident by it in its team only', async () => {
      const team = newTeam();
      const incident = await seed(team);
      const first = { id: `C${randomBytes(5).toString('hex').toUpperCase()}`, name: 'inc-1-checkout' };
      const second = { id: `C${randomBytes(5).toString('hex').toUpperCase()}`, name: 'inc-1-checkout-2' };
      expect(await store.recordChannel(incident.id, first)).toEqual(first);
      expect(await store.recordChannel(incident.id, second)).toEqual(first);
      expect(await store.findById(incident.id)).toMatchObject({
        channelId: first.id,
        channelName: first.name,
      });
      expect((await store.findByChannel(team, first.id))?.id).toBe(incident.id);
      expect(await store.findByChannel(newTeam(), first.id)).toBeNull();
      expect(await store.findByChannel(team, second.id)).toBeNull();
    });

    it('records where the header and the announcement are, keeping them through later appends', async () => {
      const incident = await seed(newTeam());
      await store.recordHeader(incident.id, '1700000000.000100');
      await store.recordAnnouncement(incident.id, { channel: 'C0ANNOUNCE', ts: '1700000000.000200' });
      await append(incident.id, [commanderIs(DANA, 1)]);
      expect(await store.findById(incident.id)).toMatchObject({
        headerTs: '1700000000.000100',
        announcement: { channel: 'C0ANNOUNCE', ts: '1700000000.000200' },
        version: 2,
      });
    });
  });
}
