import { randomUUID } from 'node:crypto';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { type IncidentEvent, replay } from '../../src/domain/index.js';
import { longIncidentHistory } from '../fixtures/incident-history.js';
import { withBenchDatabase } from './bench-database.js';
import { ms, type Row, timesOf } from './report.js';
import { latencies } from './stats.js';

const EVENTS = 10_000;
const LOADS = 500;
/** Events per insert: PostgreSQL takes at most 65,535 parameters in one statement. */
const CHUNK = 1_000;

/**
 * Loading an incident with 10,000 events as a command or a view does (`findById`: the row, the
 * snapshot, no replay), beside a primary-key SELECT of the same row.
 */
export function benchIncidentLoad(): Promise<Row[]> {
  return withBenchDatabase(async ({ db }) => {
    const store = createIncidentStore(db);
    const id = randomUUID();
    await storeHistory(store, id, longIncidentHistory(EVENTS - 18));
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      let t0 = performance.now();
      await db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirstOrThrow();
      floor.push(performance.now() - t0);
      t0 = performance.now();
      if (!(await store.findById(id))) throw new Error('bench: the incident did not load');
      ours.push(performance.now() - t0);
    }
    const o = latencies(ours);
    const f = latencies(floor);
    return [
      {
        figure: `load of an incident with ${EVENTS.toLocaleString('en')} events, p50 / p99`,
        ours: `${ms(o.p50)} / ${ms(o.p99)}`,
        floor: `${ms(f.p50)} / ${ms(f.p99)} (primary-key SELECT)`,
        ratio: `p99 ${timesOf(o.p99, f.p99)}`,
        target: '≤ 10 ms p99',
        met: o.p99 <= 10,
      },
    ];
  });
}

/** Writes the history through the store's own transaction (as the command core would have), in chunks. */
async function storeHistory(
  store: ReturnType<typeof createIncidentStore>,
  id: string,
  events: IncidentEvent[],
) {
  const incident = { id, teamId: 'TBENCH', number: 1 };
  for (let from = 0; from < events.length; from += CHUNK) {
    const upTo = events.slice(0, from + CHUNK);
    const state = replay(upTo);
    const chunk = events.slice(from, from + CHUNK);
    await store.transaction((tx) =>
      from === 0 ? tx.createIncident(incident, chunk, state) : tx.appendEvents(incident, from, chunk, state),
    );
  }
}
