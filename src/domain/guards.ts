import { TEXT_LIMITS, type TextField } from './limits.js';
import { type Capability, permission } from './permissions.js';
import { type RejectedField, type Rejection, reject } from './rejection.js';
import { type ActiveIncident, isActive, type OpenedIncident } from './state.js';
import { isUserId, type UserId } from './types.js';

/**
 * A command the domain refuses, thrown by a guard and turned back into a refusal by `decide`
 * before it returns: it never leaves the domain. It lets each decider read as the rule it is,
 * one check per line, instead of repeating "if refused, return the refusal" after every check.
 */
export class Refused extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
    this.name = 'Refused';
  }
}

/** Refuses the command being decided, with this rejection. */
export function refusing(rejection: Rejection): never {
  throw new Refused(rejection);
}

/** The incident is being worked on (not yet resolved); otherwise refused, saying what to do instead. */
export function requireActive(state: OpenedIncident, doing: string): ActiveIncident {
  if (isActive(state)) return state;
  const advice =
    state.status === 'resolved'
      ? 'reopen it first with a reason'
      : 'open a new incident if it is happening again';
  return refusing(
    reject('wrong_status', `This incident is ${state.status}, so you cannot ${doing} now; ${advice}.`),
  );
}

/** Only the commander may (anyone while nobody is); returns whether the actor acted as commander. */
export function requirePermission(state: OpenedIncident, actor: UserId, capability: Capability): boolean {
  const allowed = permission(state, actor, capability);
  return allowed.allowed ? allowed.asCommander : refusing(allowed.rejection);
}

/**
 * A required text field: trimmed, non-empty, within its limit (TEXT_LIMITS). Otherwise refused
 * with a sentence that names the field and says what to give.
 */
export function requireText(
  value: string | null | undefined,
  field: TextField,
  what: string,
  rejected: RejectedField = field,
): string {
  const text = (value ?? '').trim();
  if (text === '') refusing(reject('invalid_input', `Please give ${what}.`, { field: rejected }));
  return withinLimit(text, field, what, rejected);
}

/** An optional text field: null when empty, else trimmed and within its limit. */
export function optionalText(
  value: string | null | undefined,
  field: TextField,
  what: string,
): string | null {
  const text = (value ?? '').trim();
  return text === '' ? null : withinLimit(text, field, what, field);
}

/** Text within its field's limit, or a refusal naming the limit. */
export function withinLimit(text: string, field: TextField, what: string, rejected: RejectedField): string {
  const max = TEXT_LIMITS[field];
  if (text.length <= max) return text;
  return refusing(
    reject('invalid_input', `${capitalise(what)} is ${text.length} characters; keep it to ${max} or fewer.`, {
      field: rejected,
    }),
  );
}

/** A Slack user named by a form or a mention; anything else is refused before it is stored or shown. */
export function requireUser(userId: string, field: 'assignee' | 'owner', what: string): UserId {
  return isUserId(userId)
    ? userId
    : refusing(reject('invalid_input', `Pick ${what} from the people picker.`, { field }));
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
