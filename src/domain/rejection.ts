import type { Instant } from './types.js';

/**
 * A command the domain refuses. `code` is stable for programs and tests; `message` is a sentence a
 * person reads in an ephemeral Slack reply, and always says what to do next. `at` carries the
 * instant the sentence names, so the Slack layer can show it in the reader's own time zone.
 */
export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
  readonly at?: Instant;
}

export type RejectionCode =
  | 'not_open'
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

export const reject = (code: RejectionCode, message: string, at?: Instant): Rejection =>
  at === undefined ? { code, message } : { code, message, at };

/** How the domain names a person inside a sentence; Slack renders this as a mention. */
export const mention = (userId: string): string => `<@${userId}>`;

/** `14:32 UTC`: deterministic, so the same history gives the same sentence. */
export const clockTime = (at: Instant): string => `${at.slice(11, 16)} UTC`;
