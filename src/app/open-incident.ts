import { decide, initialState, type OpenIncident } from '../domain/index.js';
import type { Effect } from './effects.js';
import { effectsFor } from './effects-for.js';
import { type CommandDeps, type CommandOutcome, fold } from './handle-command.js';

export interface OpenIncidentDeps extends CommandDeps {
  readonly newId: () => string;
}

export interface OpenIncidentRequest {
  readonly teamId: string;
  /** The open command without its number, which the store allocates inside the transaction. */
  readonly command: Omit<OpenIncident, 'number'>;
  /** Where to confirm to the reporter privately once the channel exists. */
  readonly responseUrl: string | null;
}

/**
 * Opens an incident: allocates the team's next number, records `IncidentOpened` and queues the
 * channel, invitation and header. A refused open (say, an empty title) consumes no number.
 */
export async function openIncident(
  deps: OpenIncidentDeps,
  request: OpenIncidentRequest,
): Promise<CommandOutcome> {
  // Whether an open is allowed never depends on its number: decide first, so a refusal allocates none.
  const check = decide({ ...request.command, number: 0 }, initialState);
  if (!check.ok) return check;
  const id = deps.newId();
  const outcome = await deps.store.transaction(async (tx): Promise<CommandOutcome> => {
    const number = await tx.allocateNumber(request.teamId);
    const decision = decide({ ...request.command, number }, initialState);
    if (!decision.ok) return decision;
    const state = fold(initialState, decision.events);
    const incident = { id, teamId: request.teamId };
    await tx.createIncident({ ...incident, number }, decision.events, state);
    const confirm: Effect[] = request.responseUrl
      ? [{ kind: 'reporter.confirm', responseUrl: request.responseUrl }]
      : [];
    await tx.enqueueEffects(incident, [...effectsFor(decision.events, request.command.private), ...confirm]);
    return {
      ok: true,
      incident: {
        ...incident,
        number,
        state,
        version: decision.events.length,
        channelId: null,
        channelName: null,
        headerTs: null,
        announcement: null,
      },
      events: decision.events,
    };
  });
  if (outcome.ok) deps.afterCommit(id);
  return outcome;
}
