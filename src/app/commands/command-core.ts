import {
  decide,
  type IncidentCommand,
  type IncidentEvent,
  type IncidentState,
  initialState,
  type OpenIncident,
  type Rejection,
  replay,
  type Verdict,
} from '../../domain/index.js';
import type { Effect } from '../effects.js';
import { effectsFor } from '../effects-for.js';
import type { ChannelMembership } from '../ports/channel-membership.js';
import type { CommandMetrics, CommandResult } from '../ports/command-metrics.js';
import { ConcurrentChangeError } from '../ports/concurrent-change-error.js';
import type { IncidentStore, IncidentTransaction, StoredIncident } from '../ports/incident-store.js';
import { bindOrigin, NOT_YOURS } from './bind-origin.js';
import { requireControlFor } from './broke-before.js';
import type { Origin } from './origin.js';

export interface CommandCoreDeps {
  readonly store: IncidentStore;
  /** After a commit that recorded events: run the outbox, sync the timers. Never awaited. */
  readonly afterCommit: (incidentId: string) => void;
  readonly newId: () => string;
  readonly membership?: ChannelMembership;
  readonly metrics?: CommandMetrics;
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

/** A change to an existing incident. `origin` is null when the bot itself acts (a fired timer). */
export interface CommandRequest {
  readonly incidentId: string;
  readonly command: Exclude<IncidentCommand, OpenIncident>;
  readonly origin: Origin | null;
}

/** A new incident: the store allocates its number inside the transaction. */
export interface OpenRequest {
  readonly teamId: string;
  readonly command: Omit<OpenIncident, 'number'>;
  /** Extra effects recorded with the opening (the confirmation to the reporter). */
  readonly effects?: readonly Effect[];
}

export interface CommandCore {
  run(request: CommandRequest): Promise<CommandOutcome>;
  open(request: OpenRequest): Promise<CommandOutcome>;
  /**
   * Records a Slack event that changes no incident (App Home opened) as processed; false when it
   * was before (Slack redelivered it). Events that change an incident are recorded by `run`, in
   * the transaction of their change (`origin.eventId`).
   */
  recordEvent(teamId: string, eventId: string): Promise<boolean>;
}

const MAX_ATTEMPTS = 3;

/**
 * The one path every change takes, from Slack or a timer. In one transaction: lock and load the
 * incident, check that whoever asks may touch it, ask the domain, append the events, save the
 * state they lead to and write the Slack effects they call for to the outbox. Nothing in it waits
 * on Slack, so a transaction holds its connection for milliseconds. Concurrent commands on one
 * incident queue on the row lock; a version conflict (a writer outside the lock) is retried.
 */
export function createCommandCore(deps: CommandCoreDeps): CommandCore {
  const count = (type: IncidentCommand['type'], result: CommandResult) => deps.metrics?.counted(type, result);

  async function attempt<T extends CommandOutcome>(type: IncidentCommand['type'], work: () => Promise<T>) {
    for (let tries = 1; ; tries++) {
      try {
        const outcome = await work();
        count(type, resultOf(outcome));
        return outcome;
      } catch (error) {
        if (error instanceof ConcurrentChangeError && tries < MAX_ATTEMPTS) continue;
        count(type, 'failed');
        throw error;
      }
    }
  }

  async function run(request: CommandRequest): Promise<CommandOutcome> {
    const outcome = await attempt(request.command.type, async () => {
      const first = await deps.store.transaction((tx) => change(tx, request, null));
      if (first !== 'ask') return first;
      // A private incident, a person who never worked it, acting from outside its channel: ask
      // Slack whether they are in the channel, outside the transaction, then decide again.
      const member = await askMembership(request);
      const second = await deps.store.transaction((tx) => change(tx, request, member));
      return second === 'ask' ? { ok: false as const, rejection: NOT_YOURS } : second;
    });
    if (outcome.ok && outcome.events.length > 0) deps.afterCommit(request.incidentId);
    return outcome;
  }

  async function askMembership(request: CommandRequest): Promise<boolean> {
    const incident = await deps.store.findById(request.incidentId);
    if (!incident?.channelId || !request.origin || !deps.membership) return false;
    return deps.membership(incident.channelId, request.origin.userId, incident.teamId);
  }

  async function change(
    tx: IncidentTransaction,
    request: CommandRequest,
    member: boolean | null,
  ): Promise<CommandOutcome | 'ask'> {
    const { origin } = request;
    const incident = await tx.lockIncident(request.incidentId);
    if (!incident) return { ok: false, rejection: NOT_YOURS };
    if (origin) {
      // Who is recorded as acting is who Slack said asked, never a name taken from a payload.
      if (request.command.actor !== origin.userId) return { ok: false, rejection: NOT_YOURS };
      const bound = bindOrigin(incident, origin, member);
      if (bound === 'ask') return 'ask';
      if (bound) return { ok: false, rejection: bound };
      if (origin.eventId && !(await tx.markEventProcessed(origin.teamId, origin.eventId)))
        return { ok: false, rejection: ALREADY_PROCESSED };
    }
    const command = await completed(tx, request.command, incident);
    const verdict = decide(command, incident.state);
    if (!verdict.ok || verdict.events.length === 0) return unrecorded(verdict, incident);
    const state = replay(verdict.events, incident.state);
    await tx.appendEvents(incident, incident.version, verdict.events, state);
    await tx.enqueueEffects(incident, effectsFor(verdict.events, isPrivate(state)));
    return recorded(verdict, { ...incident, state, version: incident.version + verdict.events.length });
  }

  async function open(request: OpenRequest): Promise<CommandOutcome> {
    // Whether an open is allowed never depends on its number: decide first, so a refusal allocates none.
    const check = decide({ ...request.command, number: 0 }, initialState);
    if (!check.ok) {
      count('OpenIncident', 'rejected');
      return check;
    }
    const id = deps.newId();
    const outcome = await attempt('OpenIncident', () =>
      deps.store.transaction(async (tx): Promise<CommandOutcome> => {
        const number = await tx.allocateNumber(request.teamId);
        const verdict = decide({ ...request.command, number }, initialState);
        if (!verdict.ok) return verdict;
        const state = replay(verdict.events);
        const incident = { id, teamId: request.teamId, number };
        await tx.createIncident(incident, verdict.events, state);
        await tx.enqueueEffects(incident, [
          ...effectsFor(verdict.events, isPrivate(state)),
          ...(request.effects ?? []),
        ]);
        return recorded(verdict, {
          ...incident,
          state,
          version: verdict.events.length,
          channelId: null,
          channelName: null,
          headerTs: null,
          announcement: null,
        });
      }),
    );
    if (outcome.ok) deps.afterCommit(id);
    return outcome;
  }

  const recordEvent = (teamId: string, eventId: string) =>
    deps.store.transaction((tx) => tx.markEventProcessed(teamId, eventId));

  return { run, open, recordEvent };
}

/** What the app adds to a command before the domain sees it: facts only the store knows. */
async function completed(
  tx: IncidentTransaction,
  command: CommandRequest['command'],
  incident: StoredIncident,
): Promise<CommandRequest['command']> {
  if (command.type !== 'RecordPostmortem') return command;
  // Decided here, inside the transaction, never taken from the form: did the service break before?
  return { ...command, requireControl: await requireControlFor(tx, incident) };
}

/** A repeated Slack event delivery: already recorded once, so nothing to do. */
const ALREADY_PROCESSED: Rejection = {
  code: 'duplicate_id',
  message: 'That was already recorded.',
};

export const isRepeatedDelivery = (outcome: CommandOutcome): boolean =>
  !outcome.ok && outcome.rejection === ALREADY_PROCESSED;

const isPrivate = (state: IncidentState): boolean => state.status !== 'none' && state.private;

function unrecorded(verdict: Verdict, incident: StoredIncident): CommandOutcome {
  return verdict.ok ? recorded(verdict, incident) : verdict;
}

function recorded(verdict: Extract<Verdict, { ok: true }>, incident: StoredIncident): CommandOutcome {
  return {
    ok: true,
    incident,
    events: verdict.events,
    ...(verdict.notice ? { notice: verdict.notice } : {}),
  };
}

function resultOf(outcome: CommandOutcome): CommandResult {
  if (!outcome.ok) return 'rejected';
  return outcome.events.length > 0 ? 'accepted' : 'unchanged';
}
