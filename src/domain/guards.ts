import { TEXT_LIMITS, type TextField } from './limits.js';
import { type RejectedField, type Rejection, reject } from './rejection.js';
import { type ActiveIncident, isActive, type OpenedIncident } from './state.js';
import { isUserId, type UserId } from './types.js';

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

/**
 * A required text field: trimmed, non-empty, within its limit (TEXT_LIMITS). Returns the cleaned
 * text, or a rejection that names the field and says what to give.
 */
export function requireText(
  value: string | null | undefined,
  field: TextField,
  what: string,
  rejected: RejectedField = field,
): string | Rejection {
  const text = (value ?? '').trim();
  if (text === '') return reject('invalid_input', `Please give ${what}.`, { field: rejected });
  return withinLimit(text, field, what, rejected);
}

/** An optional text field: null when empty, else trimmed and within its limit. */
export function optionalText(
  value: string | null | undefined,
  field: TextField,
  what: string,
): string | null | Rejection {
  const text = (value ?? '').trim();
  return text === '' ? null : withinLimit(text, field, what, field);
}

function withinLimit(
  text: string,
  field: TextField,
  what: string,
  rejected: RejectedField,
): string | Rejection {
  const max = TEXT_LIMITS[field];
  if (text.length <= max) return text;
  return reject(
    'invalid_input',
    `${capitalise(what)} is ${text.length} characters; keep it to ${max} or fewer.`,
    { field: rejected },
  );
}

/** A Slack user named by a form or a mention; anything else is refused before it is stored or shown. */
export function requireUser(userId: string, field: 'assignee' | 'owner', what: string): UserId | Rejection {
  return isUserId(userId)
    ? userId
    : reject('invalid_input', `Pick ${what} from the people picker.`, { field });
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
