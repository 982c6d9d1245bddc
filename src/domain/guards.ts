import { type Rejection, reject } from './rejection.js';
import { type ActiveIncident, isActive, type OpenedIncident } from './state.js';

/** The incident is being worked on (not yet resolved), or a rejection saying what to do instead. */
export function requireActive(state: OpenedIncident, doing: string): ActiveIncident | Rejection {
  if (isActive(state)) return state;
  const advice =
    state.status === 'resolved'
      ? 'reopen it first with a reason'
      : 'open a new incident if it is happening again';
  return reject('wrong_status', `This incident is ${state.status}, so you cannot ${doing} now; ${advice}.`);
}

export const isRejection = (value: unknown): value is Rejection =>
  typeof value === 'object' &&
  value !== null &&
  'code' in value &&
  'message' in value &&
  !('status' in value);

/** A required text field: trimmed, non-empty, bounded. Returns the cleaned text or a rejection. */
export function requireText(value: string | null | undefined, what: string, max = 3000): string | Rejection {
  const text = (value ?? '').trim();
  if (text === '') return reject('invalid_input', `Please give ${what}.`);
  if (text.length > max)
    return reject('invalid_input', `${capitalise(what)} is ${text.length} characters; keep it under ${max}.`);
  return text;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
