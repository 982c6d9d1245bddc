import type { Effect } from '../../src/app/effects.js';
import { ConcurrentChangeError } from '../../src/app/ports/concurrent-change-error.js';
import type {
  IncidentStore,
  IncidentTransaction,
  StoredEvent,
  StoredIncident,
} from '../../src/app/ports/incident-store.js';
import type { IncidentEvent, IncidentState, OpenedIncident } from '../../src/domain/index.js';

/** An effect the store was asked to perform after a commit (the outbox, in memory). */
export interface EnqueuedEffect {
  readonly teamId: string;
  readonly incidentId: string;
  readonly effect: Effect;
}

/** The incident store in memory, with what a test may look at besides the port. */
export interface InMemoryIncidentStore extends IncidentStore {
  /** Every effect committed to the outbox, oldest first. */
  readonly outbox: readonly EnqueuedEffect[];
}

interface Row {
  readonly id: string;
  readonly teamId: string;
  readonly number: number;
  readonly state: OpenedIncident;
  readonly version: number;
  readonly channel: { readonly id: string; readonly name: string } | null;
  readonly headerTs: string | null;
  readonly announcement: { readonly channel: string; readonly ts: string } | null;
}

/** What a transaction has written and not yet committed. */
interface Pending {
  /** Incidents it created. */
  readonly created: Map<string, Row>;
  /** Incidents it appended to: their new state and version (the rest of the row is left as it is). */
  readonly changed: Map<string, { readonly state: OpenedIncident; readonly version: number }>;
  readonly events: Map<string, StoredEvent[]>;
  readonly numbers: Map<string, number>;
  readonly processed: Set<string>;
  readonly outbox: EnqueuedEffect[];
}

const OPEN_STATUSES = new Set(['investigating', 'identified', 'monitoring']);
/** How many rows the adapter's queries return at most. */
const LIMITS = { openFollowUpsOf: 200, earlierOnService: 20, openedSince: 5_000 } as const;

/**
 * The incident store port in memory, for tests that need the application's real behaviour without
 * a database. It keeps the PostgreSQL adapter's semantics, checked by the same contract suite
 * (test/contract): a transaction commits all it wrote or, when its work throws, none of it; it
 * holds what it locks (an incident, a team's numbers, a Slack event id) until it ends, so
 * transactions on one incident run one after the other, and a write to an incident outside them
 * waits as an UPDATE waits for a row lock; an append checks the version it was decided on and
 * throws {@link ConcurrentChangeError} when the incident has moved on. States, events and effects
 * are copied in and out, as a database would, so no test shares an object with the store.
 */
export function createInMemoryIncidentStore(): InMemoryIncidentStore {
  const rows = new Map<string, Row>();
  const timelines = new Map<string, StoredEvent[]>();
  const numbers = new Map<string, number>();
  const processed = new Set<string>();
  const outbox: EnqueuedEffect[] = [];
  const locks = new KeyedLocks();

  /** An incident as a reader sees it: committed, with what its own transaction wrote on top. */
  function rowOf(id: string, pending?: Pending): Row | undefined {
    const created = pending?.created.get(id);
    if (created) return { ...created, ...pending?.changed.get(id) };
    const row = rows.get(id);
    return row && { ...row, ...pending?.changed.get(id) };
  }
  const visibleRows = (pending?: Pending): Row[] =>
    [...new Set([...rows.keys(), ...(pending?.created.keys() ?? [])])].flatMap(
      (id) => rowOf(id, pending) ?? [],
    );

  function earlierOnService(
    teamId: string,
    service: string,
    since: string,
    excludeId: string,
    pending?: Pending,
  ): StoredIncident[] {
    const wanted = trimSpaces(service).toLowerCase();
    return newestFirst(
      visibleRows(pending).filter(
        (row) =>
          row.teamId === teamId &&
          row.state.service !== null &&
          trimSpaces(row.state.service).toLowerCase() === wanted &&
          !row.state.drill &&
          openedAt(row) >= Date.parse(since) &&
          row.id !== excludeId,
      ),
    )
      .slice(0, LIMITS.earlierOnService)
      .map(stored);
  }

  async function transaction<T>(work: (tx: IncidentTransaction) => Promise<T>): Promise<T> {
    const pending: Pending = {
      created: new Map(),
      changed: new Map(),
      events: new Map(),
      numbers: new Map(),
      processed: new Set(),
      outbox: [],
    };
    const held = locks.holder();
    let ended = false;
    /** Locks `key` for the rest of the transaction; refuses work once the transaction has ended. */
    const lock = async (key: string) => {
      if (ended) throw new Error('the transaction has already ended');
      await held.lock(key);
    };

    const tx: IncidentTransaction = {
      async allocateNumber(teamId) {
        await lock(`numbers:${teamId}`);
        const next = (pending.numbers.get(teamId) ?? numbers.get(teamId) ?? 0) + 1;
        pending.numbers.set(teamId, next);
        return next;
      },

      async lockIncident(incidentId) {
        await lock(`incident:${incidentId}`);
        const row = rowOf(incidentId, pending);
        return row ? stored(row) : null;
      },

      async createIncident(incident, events, state) {
        const opened = openedState(state);
        await lock(`incident:${incident.id}`);
        if (rowOf(incident.id, pending)) throw new Error(`incident ${incident.id} already exists`);
        const taken = visibleRows(pending).some(
          (row) => row.teamId === incident.teamId && row.number === incident.number,
        );
        if (taken) throw new Error(`team ${incident.teamId} already has an incident ${incident.number}`);
        pending.events.set(incident.id, toStoredEvents(0, events));
        pending.created.set(incident.id, {
          id: incident.id,
          teamId: incident.teamId,
          number: incident.number,
          state: copy(opened),
          version: events.length,
          channel: null,
          headerTs: null,
          announcement: null,
        });
      },

      async appendEvents(incident, expectedVersion, events, state) {
        const opened = openedState(state);
        await lock(`incident:${incident.id}`);
        const row = rowOf(incident.id, pending);
        if (!row || row.version !== expectedVersion)
          throw new ConcurrentChangeError(incident.id, expectedVersion);
        const timeline = pending.events.get(incident.id) ?? [];
        pending.events.set(incident.id, [...timeline, ...toStoredEvents(expectedVersion, events)]);
        pending.changed.set(incident.id, { state: copy(opened), version: expectedVersion + events.length });
      },

      async enqueueEffects(incident, effects) {
        if (ended) throw new Error('the transaction has already ended');
        for (const effect of effects)
          pending.outbox.push({ teamId: incident.teamId, incidentId: incident.id, effect: copy(effect) });
      },

      async markEventProcessed(_teamId, eventId) {
        // Slack event ids are unique across workspaces: the adapter keys them on the id alone.
        await lock(`event:${eventId}`);
        if (processed.has(eventId) || pending.processed.has(eventId)) return false;
        pending.processed.add(eventId);
        return true;
      },

      async listEarlierOnService(teamId, service, since, excludeId) {
        if (ended) throw new Error('the transaction has already ended');
        return earlierOnService(teamId, service, since, excludeId, pending);
      },
    };

    try {
      const result = await work(tx);
      commit(pending);
      return result;
    } finally {
      ended = true;
      held.releaseAll();
    }
  }

  function commit(pending: Pending): void {
    for (const [id, row] of pending.created) rows.set(id, row);
    for (const [id, change] of pending.changed) {
      const row = rows.get(id);
      if (row) rows.set(id, { ...row, ...change });
    }
    for (const [id, events] of pending.events) timelines.set(id, [...(timelines.get(id) ?? []), ...events]);
    for (const [teamId, number] of pending.numbers) numbers.set(teamId, number);
    for (const eventId of pending.processed) processed.add(eventId);
    outbox.push(...pending.outbox);
  }

  /** A write to one incident outside any transaction: waits, as an UPDATE does, for the incident's lock. */
  async function updateRow<T>(incidentId: string, change: (row: Row | undefined) => T): Promise<T> {
    const held = locks.holder();
    await held.lock(`incident:${incidentId}`);
    try {
      return change(rows.get(incidentId));
    } finally {
      held.releaseAll();
    }
  }

  const committedRows = () => [...rows.values()];

  return {
    outbox,
    transaction,

    findById: async (incidentId) => {
      const row = rows.get(incidentId);
      return row ? stored(row) : null;
    },

    findByChannel: async (teamId, channelId) => {
      const row = committedRows().find((r) => r.teamId === teamId && r.channel?.id === channelId);
      return row ? stored(row) : null;
    },

    listOpen: async (teamId, limit) =>
      newestFirst(committedRows().filter((r) => r.teamId === teamId && OPEN_STATUSES.has(r.state.status)))
        .slice(0, limit)
        .map(stored),

    listWithTimers: async (afterId, limit) =>
      committedRows()
        .filter((r) => r.state.status !== 'closed' || hasFollowUp(r.state, 'open'))
        .map((r) => r.id)
        .filter((id) => afterId === null || id > afterId)
        .sort(byText)
        .slice(0, limit),

    listClosedWithFollowUps: async (limit) =>
      oldestFirst(
        committedRows().filter((r) => hasFollowUp(r.state, 'open') || hasFollowUp(r.state, 'dropped')),
      )
        .slice(0, limit)
        .map(stored),

    listOpenFollowUpsOf: async (teamId, owner) =>
      oldestFirst(
        committedRows().filter((r) => r.teamId === teamId && openFollowUpsOf(r.state, owner).length > 0),
      )
        .slice(0, LIMITS.openFollowUpsOf)
        .flatMap((r) =>
          openFollowUpsOf(r.state, owner).map((followUp) => ({
            incidentId: r.id,
            number: r.number,
            followUp: copy(followUp),
          })),
        ),

    listEarlierOnService: async (teamId, service, since, excludeId) =>
      earlierOnService(teamId, service, since, excludeId),

    listOpenedSince: async (teamId, since) =>
      oldestFirst(
        committedRows().filter(
          (r) => r.teamId === teamId && !r.state.drill && openedAt(r) >= Date.parse(since),
        ),
      )
        .slice(0, LIMITS.openedSince)
        .map(stored),

    eventTimes: async (incidentIds, type) => {
      const times = new Map<string, string[]>();
      for (const id of incidentIds)
        for (const { event } of timelines.get(id) ?? [])
          if (event.type === type) times.set(id, [...(times.get(id) ?? []), event.at]);
      return times;
    },

    events: async (incidentId) => (timelines.get(incidentId) ?? []).map(copyEvent),

    recordChannel: (incidentId, channel) =>
      updateRow(incidentId, (row) => {
        if (!row) throw new Error(`no incident ${incidentId}`);
        // First writer wins: a retried create must not replace the channel people already joined.
        if (row.channel) return { ...row.channel };
        const owner = committedRows().find((r) => r.teamId === row.teamId && r.channel?.id === channel.id);
        if (owner) throw new Error(`channel ${channel.id} already belongs to incident ${owner.id}`);
        rows.set(incidentId, { ...row, channel: { id: channel.id, name: channel.name } });
        return { id: channel.id, name: channel.name };
      }),

    recordHeader: (incidentId, ts) =>
      updateRow(incidentId, (row) => {
        if (row) rows.set(incidentId, { ...row, headerTs: ts });
      }),

    recordAnnouncement: (incidentId, announcement) =>
      updateRow(incidentId, (row) => {
        if (row) rows.set(incidentId, { ...row, announcement: { ...announcement } });
      }),
  };
}

/**
 * Locks by name, each held by one transaction at a time, as PostgreSQL's row locks are: a
 * transaction that asks for a lock another holds waits until that one ends. A holder asking again
 * for a lock it holds does not wait.
 */
class KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  holder() {
    const releases = new Map<string, () => void>();
    return {
      lock: async (key: string): Promise<void> => {
        if (releases.has(key)) return;
        const before = this.tails.get(key) ?? Promise.resolve();
        let release = () => {};
        const mine = new Promise<void>((resolve) => {
          release = resolve;
        });
        const tail = before.then(() => mine);
        this.tails.set(key, tail);
        releases.set(key, () => {
          release();
          if (this.tails.get(key) === tail) this.tails.delete(key);
        });
        await before;
      },
      releaseAll: () => {
        for (const release of releases.values()) release();
        releases.clear();
      },
    };
  }
}

function openedState(state: IncidentState): OpenedIncident {
  if (state.status === 'none') throw new Error('cannot store an incident that was never opened');
  return state;
}

const toStoredEvents = (afterSeq: number, events: readonly IncidentEvent[]): StoredEvent[] => {
  const recordedAt = new Date();
  return events.map((event, index) => ({ seq: afterSeq + index + 1, event: copy(event), recordedAt }));
};

function stored(row: Row): StoredIncident {
  return {
    id: row.id,
    teamId: row.teamId,
    number: row.number,
    state: copy(row.state),
    version: row.version,
    channelId: row.channel?.id ?? null,
    channelName: row.channel?.name ?? null,
    headerTs: row.headerTs,
    announcement: row.announcement ? { ...row.announcement } : null,
  };
}

const copy = <T>(value: T): T => structuredClone(value);
const copyEvent = (event: StoredEvent): StoredEvent => ({
  seq: event.seq,
  event: copy(event.event),
  recordedAt: new Date(event.recordedAt),
});
const openedAt = (row: Row) => Date.parse(row.state.openedAt);
const oldestFirst = (list: Row[]) => [...list].sort((a, b) => openedAt(a) - openedAt(b));
const newestFirst = (list: Row[]) => [...list].sort((a, b) => openedAt(b) - openedAt(a));
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** PostgreSQL's `trim`: spaces only. */
const trimSpaces = (text: string) => text.replace(/^ +| +$/g, '');
const hasFollowUp = (state: OpenedIncident, status: 'open' | 'dropped') =>
  state.status === 'closed' && state.followUps.some((f) => f.status === status);
/** A closed incident's open follow-ups owned by `owner`. */
const openFollowUpsOf = (state: OpenedIncident, owner: string) =>
  state.status === 'closed' ? state.followUps.filter((f) => f.owner === owner && f.status === 'open') : [];
