import { DUPLICATE_WINDOW_MS, sameService } from '../../domain/index.js';
import type { IncidentStore, StoredIncident } from '../ports/incident-store.js';

/**
 * Open incidents on the same service opened within the duplicate window: probably the same
 * problem, so the person is shown them before a second incident is opened. Private incidents are
 * never named to someone opening a new one.
 */
export async function recentOnService(
  store: Pick<IncidentStore, 'listOpen'>,
  teamId: string,
  service: string,
  now: Date,
): Promise<StoredIncident[]> {
  if (service.trim() === '') return [];
  const open = await store.listOpen(teamId, 100);
  return open.filter(
    (i) =>
      i.state.status !== 'none' &&
      !i.state.private &&
      sameService(i.state.service, service) &&
      now.getTime() - Date.parse(i.state.openedAt) < DUPLICATE_WINDOW_MS,
  );
}
