import { randomUUID } from 'node:crypto';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { createCommandCore } from '../../src/app/commands/command-core.js';
import { withBenchDatabase } from './bench-database.js';
import { openBenchIncident } from './bench-incidents.js';
import { type Figures, measure } from './measure.js';

/**
 * The command path on real PostgreSQL: open an incident (number allocation, events, snapshot,
 * outbox in one transaction), and a role change on a contended incident (row lock).
 */
export async function benchCommandPath(): Promise<Figures[]> {
  return withBenchDatabase(async (db) => {
    const core = createCommandCore({
      store: createIncidentStore(db),
      newId: randomUUID,
      afterCommit: () => {},
    });
    const now = new Date().toISOString();
    const open = (i: number) => openBenchIncident(core, i, now);
    const opens = await measure('open incident (1 at a time)', 300, open);
    const burst = await measure('open incident (8 concurrent)', 400, open, 8);
    const target = await open(0);
    if (!target.ok) throw new Error('open refused');
    const roles = ['communicator', 'scribe'] as const;
    const boss = 'U0BOSS';
    await core.run({
      incidentId: target.incident.id,
      origin: null,
      command: { type: 'TakeRole', actor: boss, now, role: 'commander' },
    });
    const contended = await measure(
      'role change, one incident (8 concurrent)',
      400,
      (i) =>
        core.run({
          incidentId: target.incident.id,
          origin: null,
          command: {
            type: 'AssignRole',
            actor: boss,
            now,
            role: roles[i % 2] ?? 'scribe',
            assignee: `U0B${i}`,
          },
        }),
      8,
    );
    return [opens, burst, contended];
  });
}
