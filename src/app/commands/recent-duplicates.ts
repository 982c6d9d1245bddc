import { canSee, DUPLICATE_WINDOW_MS, sameService, similarTitles } from '../../domain/index.js';
import type { IncidentStore, StoredIncident } from '../ports/incident-store.js';

/** What a new incident would be: its title, and its service when one was named. */
export interface Opening {
  readonly title: string;
  readonly service: string | null;
}

/**
 * Open incidents that are probably the same problem as the one about to be opened: a similar
 * title, or the same service opened within the duplicate window. The person is shown them (the
 * triage form before opening, the text command with its answer). A private incident is named
 * only to someone who may see it (`canSee`): to anyone else it does not exist.
 */
export async function possibleDuplicates(
  store: Pick<IncidentStore, 'listOpen'>,
  teamId: string,
  opening: Opening,
  now: Date,
  viewer: string,
): Promise<StoredIncident[]> {
  const open = await store.listOpen(teamId, 100);
  return open.filter((i) => {
    if (i.state.status === 'none' || !canSee(i.state, { userId: viewer, inChannel: false })) return false;
    const recent = now.getTime() - Date.parse(i.state.openedAt) < DUPLICATE_WINDOW_MS;
    const service = opening.service?.trim() ? opening.service : null;
    return (recent && sameService(i.state.service, service)) || similarTitles(i.state.title, opening.title);
  });
}
