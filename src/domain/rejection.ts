import type { PostmortemAnswers } from './commands.js';
import type { TextField } from './limits.js';
import type { Instant } from './types.js';

/**
 * A command the domain refuses. `code` is stable for programs and tests; `message` is a sentence a
 * person reads in an ephemeral Slack reply, and always says what to do next. `at` carries the
 * instant the sentence names, so the Slack layer can show it in the reader's own time zone;
 * `field` names the part of the command the refusal is about (a form shows it on that input).
 */
export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
  readonly at?: Instant;
  readonly field?: RejectedField;
}

export type RejectionCode =
  | 'not_open'
  | 'not_found'
  | 'already_open'
  | 'wrong_status'
  | 'invalid_input'
  | 'role_taken'
  | 'role_not_held'
  | 'not_permitted'
  | 'hold_active'
  | 'hold_not_active'
  | 'unknown_hypothesis'
  | 'unknown_action'
  | 'unknown_follow_up'
  | 'invalid_transition'
  | 'duplicate_id'
  | 'follow_ups_invalid';

/**
 * The command field a rejection points at: a bounded text field, or one of the few others a form
 * asks for. Forms map these to their own block ids; nobody matches the sentence.
 */
export type RejectedField =
  | TextField
  | 'impactEndedAt'
  | 'impactStartedAt'
  | 'detection'
  | 'detectionLink'
  | 'nextUpdateBy'
  | 'followUps'
  | 'assignee'
  | 'owner'
  | 'severity'
  | 'triage'
  | `answers.${keyof PostmortemAnswers}`;

export function reject(
  code: RejectionCode,
  message: string,
  details: { readonly at?: Instant; readonly field?: RejectedField } = {},
): Rejection {
  return {
    code,
    message,
    ...(details.at === undefined ? {} : { at: details.at }),
    ...(details.field === undefined ? {} : { field: details.field }),
  };
}

/** How the domain names a person inside a sentence; Slack renders this as a mention. */
export const mention = (userId: string): string => `<@${userId}>`;

/** `14:32 UTC`: deterministic, so the same history gives the same sentence. */
export const clockTime = (at: Instant): string => `${at.slice(11, 16)} UTC`;
