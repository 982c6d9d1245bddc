import { brokeTwiceSince, type OpenedIncident } from '../domain/index.js';
import type { IncidentStore, StoredIncident } from './ports/incident-store.js';
import type { Runbooks } from './ports/runbooks.js';

/** An earlier incident on the same service, as the incident's channel is told about it. */
export interface BrokeBefore {
  readonly number: number;
  /** Whole days between that incident's opening and this one's. */
  readonly daysBefore: number;
  /** The confirmed cause, else the cause the postmortem recorded; null when neither says. */
  readonly cause: string | null;
  /** Ranks of its follow-ups still open; null while its postmortem is not recorded. */
  readonly openFollowUps: readonly number[] | null;
}

/** What the header and the hold-end message say besides the state: the runbook, what broke before. */
export interface IncidentContext {
  readonly runbook: { readonly service: string; readonly url: string } | null;
  readonly brokeBefore: readonly BrokeBefore[];
}

export const NO_CONTEXT: IncidentContext = { runbook: null, brokeBefore: [] };

export interface IncidentContextSources {
  readonly store: Pick<IncidentStore, 'listEarlierOnService'>;
  readonly runbooks: Pick<Runbooks, 'find'>;
}

const DAY = 24 * 3_600_000;

/**
 * The incident's service's runbook and its earlier incidents within the broke-twice window. Said in
 * the incident's channel, so only what every reader of it may see: a private earlier incident is
 * left out (its channel's members are not this channel's), whatever this incident is.
 */
export async function incidentContext(
  sources: IncidentContextSources,
  incident: StoredIncident,
): Promise<IncidentContext> {
  const state = incident.state;
  if (state.status === 'none' || !state.service) return NO_CONTEXT;
  const runbook = await sources.runbooks.find(incident.teamId, state.service);
  const since = brokeTwiceSince(state);
  const earlier =
    since === null
      ? []
      : await sources.store.listEarlierOnService(incident.teamId, state.service, since, incident.id);
  const brokeBefore = earlier.flatMap(({ state: before }) =>
    before.status === 'none' || before.private || before.openedAt > state.openedAt
      ? []
      : [describeEarlier(before, state)],
  );
  return { runbook: runbook ? { service: runbook.service, url: runbook.url } : null, brokeBefore };
}

function describeEarlier(before: OpenedIncident, now: OpenedIncident): BrokeBefore {
  const confirmed = before.hypotheses.find((h) => h.status === 'confirmed')?.text ?? null;
  const recorded = before.status === 'closed' ? before.postmortem.answers.rootCauses?.trim() || null : null;
  return {
    number: before.number,
    daysBefore: Math.floor((Date.parse(now.openedAt) - Date.parse(before.openedAt)) / DAY),
    cause: confirmed ?? recorded,
    openFollowUps:
      before.status === 'closed'
        ? before.followUps
            .filter((f) => f.status === 'open')
            .map((f) => f.rank)
            .sort()
        : null,
  };
}
