import { brokeTwiceSince, canSee, type FollowUp, type OpenedIncident } from '../../domain/index.js';
import type { IncidentStore, IncidentTransaction, StoredIncident } from '../ports/incident-store.js';

type EarlierReader = Pick<IncidentTransaction, 'listEarlierOnService'>;

/** Whether the postmortem must carry a control: the same service broke within the window before. */
export async function requireControlFor(reader: EarlierReader, incident: StoredIncident): Promise<boolean> {
  return (await earlier(reader, incident)).length > 0;
}

/**
 * An earlier incident on the same service, as the postmortem form shows it to one person. A
 * private incident the viewer may not see is only a line: "an earlier private incident".
 */
export type EarlierIncident =
  | {
      readonly visible: true;
      readonly number: number;
      readonly title: string;
      readonly status: OpenedIncident['status'];
      /** What was promised then; null while that incident's postmortem is not recorded. */
      readonly followUps: readonly FollowUp[] | null;
    }
  | { readonly visible: false };

/** "It broke before": the earlier incidents on this one's service, redacted for `viewer`. */
export async function earlierOnService(
  store: Pick<IncidentStore, 'listEarlierOnService'>,
  incident: StoredIncident,
  viewer: string,
): Promise<EarlierIncident[]> {
  return (await earlier(store, incident)).map(({ state }): EarlierIncident => {
    if (!canSee(state, { userId: viewer, inChannel: false })) return { visible: false };
    return {
      visible: true,
      number: state.number,
      title: state.title,
      status: state.status,
      followUps: state.status === 'closed' ? state.followUps : null,
    };
  });
}

async function earlier(
  reader: EarlierReader,
  incident: StoredIncident,
): Promise<{ state: OpenedIncident }[]> {
  const state = incident.state;
  if (state.status === 'none' || !state.service) return [];
  const since = brokeTwiceSince(state);
  if (since === null) return [];
  const rows = await reader.listEarlierOnService(incident.teamId, state.service, since, incident.id);
  return rows.flatMap((row) => (row.state.status === 'none' ? [] : [{ state: row.state }]));
}
