import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import type { Database } from '../../src/adapters/postgres/schema.js';
import { type CommandCore, createCommandCore } from '../../src/app/commands/command-core.js';
import type { IncidentStore } from '../../src/app/ports/incident-store.js';
import type { OpenIncident } from '../../src/domain/index.js';

/** The real command core on a test database; `afterCommit` lets a test see (or drive) what follows. */
export function commandCoreOn(
  db: Kysely<Database>,
  afterCommit: (incidentId: string) => void = () => {},
): CommandCore {
  return commandCoreWith(createIncidentStore(db), afterCommit);
}

/** The real command core on any incident store (the in-memory one, say). */
export function commandCoreWith(
  store: IncidentStore,
  afterCommit: (incidentId: string) => void = () => {},
): CommandCore {
  return createCommandCore({ store, newId: randomUUID, afterCommit });
}

/** An `OpenIncident` command with test defaults: severity pending, no hold, public, real. */
export function openCommand(
  title: string,
  overrides: Partial<Omit<OpenIncident, 'type' | 'number'>> = {},
): Omit<OpenIncident, 'number'> {
  return {
    type: 'OpenIncident',
    actor: 'U0REPORTER',
    now: '2026-11-22T14:00:00.000Z',
    title,
    service: null,
    severity: null,
    private: false,
    drill: false,
    diagnosisHold: 0,
    ...overrides,
  };
}

/** Opens an incident through the core and returns its id; throws if the domain refused. */
export async function openThrough(core: CommandCore, teamId: string, command: Omit<OpenIncident, 'number'>) {
  const outcome = await core.open({ teamId, command });
  if (!outcome.ok) throw new Error(`open refused: ${outcome.rejection.message}`);
  return outcome.incident;
}
