import type { IncidentEvent } from './events.js';
import type { Rejection } from './rejection.js';

/**
 * The outcome of `decide`: the events to append (possibly none), or why the command was refused.
 * An accepted verdict may carry a `notice`: the command was turned into something else the person
 * should know about (an action during the diagnosis hold is recorded as proposed, not started).
 */
export type Verdict =
  | { readonly ok: true; readonly events: readonly IncidentEvent[]; readonly notice?: Rejection }
  | { readonly ok: false; readonly rejection: Rejection };

export const accept = (...events: IncidentEvent[]): Verdict => ({ ok: true, events });

export const acceptWithNotice = (notice: Rejection, ...events: IncidentEvent[]): Verdict => ({
  ok: true,
  events,
  notice,
});

export const refuse = (rejection: Rejection): Verdict => ({ ok: false, rejection });

/** Accepted, with nothing to record: the command asked for what is already true. */
export const unchanged: Verdict = { ok: true, events: [] };

/** What an event says besides who and when: the command supplies those. */
export type EventFacts = IncidentEvent extends infer E
  ? E extends IncidentEvent
    ? Omit<E, 'at' | 'by'>
    : never
  : never;

/** Accepts the event a command leads to, stamped with who asked (`actor`) and when (`now`). */
export const acceptFrom = (
  command: { readonly actor: string; readonly now: string },
  facts: EventFacts,
): Verdict => accept({ ...facts, at: command.now, by: command.actor } as IncidentEvent);
