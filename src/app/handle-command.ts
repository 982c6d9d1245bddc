import {
  decide,
  evolve,
  type IncidentCommand,
  type IncidentEvent,
  type IncidentState,
  type Rejection,
} from '../domain/index.js';
import { effectsFor } from './effects-for.js';
import type { IncidentStore, StoredIncident } from './ports/incident-store.js';

export interface CommandDeps {
  readonly store: IncidentStore;
  /** Called after a commit that recorded events: run the outbox, sync the timers. */
  readonly afterCommit: (incidentId: string) => void;
}

export type CommandOutcome =
  | {
      readonly ok: true;
      readonly incident: StoredIncident;
      readonly events: readonly IncidentEvent[];
      /** Accepted, but not as asked (an action during the hold was kept as proposed): tell the person. */
      readonly notice?: Rejection;
    }
  | { readonly ok: false; readonly rejection: Rejection };

/**
 * The one path every change takes, whether it comes from Slack or a timer: in one transaction,
 * lock and load the incident, ask the domain, append the events, save the state and write the
 * side effects to the outbox. Concurrent commands on one incident queue on the row lock, so two
 * people clicking "take commander" at once are decided one after the other.
 */
export async function handleCommand(
  deps: CommandDeps,
  incidentId: string,
  command: IncidentCommand,
): Promise<CommandOutcome> {
  const outcome = await deps.store.transaction(async (tx): Promise<CommandOutcome> => {
    const incident = await tx.lockIncident(incidentId);
    if (!incident) {
      return { ok: false, rejection: { code: 'not_open', message: 'That incident no longer exists.' } };
    }
    const decision = decide(command, incident.state);
    if (!decision.ok) return decision;
    const notice = decision.notice ? { notice: decision.notice } : {};
    if (decision.events.length === 0) return { ok: true, incident, events: [], ...notice };
    const state = fold(incident.state, decision.events);
    await tx.appendEvents(incident, incident.version, decision.events, state);
    await tx.enqueueEffects(incident, effectsFor(decision.events, isPrivate(state)));
    return {
      ok: true,
      incident: { ...incident, state, version: incident.version + decision.events.length },
      events: decision.events,
      ...notice,
    };
  });
  if (outcome.ok && outcome.events.length > 0) deps.afterCommit(incidentId);
  return outcome;
}

const isPrivate = (state: IncidentState): boolean => state.status !== 'none' && state.private;

export const fold = (state: IncidentState, events: readonly IncidentEvent[]): IncidentState =>
  events.reduce(evolve, state);
