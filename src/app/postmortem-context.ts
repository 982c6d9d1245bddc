import {
  addMilliseconds,
  type ClosedIncident,
  type DraftContext,
  type ResolvedIncident,
} from '../domain/index.js';
import { proposeMeetingTime } from './meeting-time.js';
import type { StoredIncident } from './ports/incident-store.js';
import type { Runbooks } from './ports/runbooks.js';

export interface PostmortemContextSources {
  readonly runbooks: Pick<Runbooks, 'find'>;
  /** A person's IANA zone (TIMEZONE when unknown). */
  readonly zoneOf: (userId: string | null, teamId?: string) => Promise<string>;
  /** POSTMORTEM_DUE in milliseconds. */
  readonly postmortemDue: number;
}

/** What the postmortem draft needs beyond the events: the service's runbook and a meeting time. */
export async function postmortemContext(
  sources: PostmortemContextSources,
  incident: StoredIncident,
  state: ResolvedIncident | ClosedIncident,
): Promise<DraftContext> {
  const runbook = state.service ? await sources.runbooks.find(incident.teamId, state.service) : null;
  const dueAt = addMilliseconds(state.resolution.at, sources.postmortemDue);
  const owner = state.roles.commander ?? state.resolution.by;
  const meetingAt = state.resolution.postmortemRequired
    ? proposeMeetingTime(state.resolution.at, dueAt, await sources.zoneOf(owner, incident.teamId))
    : null;
  return {
    runbook: runbook ? { service: runbook.service, url: runbook.url } : null,
    meetingAt,
    ...(state.resolution.postmortemRequired ? { dueAt } : {}),
  };
}
