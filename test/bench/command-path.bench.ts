import { randomUUID } from 'node:crypto';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { handleCommand } from '../../src/app/handle-command.js';
import { systemClock } from '../../src/app/ports/clock.js';
import { withBenchDatabase } from './bench-database.js';
import { openBenchIncident } from './bench-incidents.js';
import { type Figures, measure } from './measure.js';

/**
 * The command path on real PostgreSQL: open an incident (number allocation, events, snapshot,
 * outbox in one transaction), and a role change on a contended incident (row lock).
 */
export async function benchCommandPath(): Promise<Figures[]> {
  return withBenchDatabase(async (db) => {
    const store = createIncidentStore(db, systemClock);
    const deps = { store, newId: randomUUID, afterCommit: () => {} };
    const now = new Date().toISOString();
    const open = (i: number) => openBenchIncident(store, i, now);
    const opens = await measure('open incident (1 at a time)', 300, open);
    const burst = await measure('open incident (8 concurrent)', 400, open, 8);
    const target = await open(0);
    if (!target.ok) throw new Error('open refused');
    const roles = ['commander', 'communicator', 'scribe'] as const;
    const contended = await measure(
      'role change, one incident (8 concurrent)',
      400,
      (i) =>
        handleCommand(deps, target.incident.id, {
          type: 'AssignRole',
          actor: 'U1',
          now,
          role: roles[i % 3] ?? 'scribe',
          assignee: `U${i}`,
        }),
      8,
    );
    return [opens, burst, contended];
  });
}
