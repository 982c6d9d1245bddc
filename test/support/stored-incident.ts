import type { StoredIncident } from '../../src/app/ports/incident-store.js';
import type { IncidentState } from '../../src/domain/index.js';

/** An incident as the store would hand it back, for tests of what reads one (no database). */
export function storedIncident(
  state: IncidentState,
  overrides: Partial<StoredIncident> = {},
): StoredIncident {
  return {
    id: '00000000-0000-4000-8000-000000000042',
    teamId: 'T1',
    number: state.status === 'none' ? 0 : state.number,
    state,
    version: 1,
    channelId: 'C0INC',
    channelName: null,
    headerTs: null,
    announcement: null,
    ...overrides,
  };
}
