import {
  type Instant,
  type OpenedIncident,
  postedUpdateText,
  promisedNextUpdate,
  TEXT_LIMITS,
  type TimerPolicy,
  updateClosing,
} from '../../../domain/index.js';
import { timeWords } from './time-words.js';

export interface UpdateChoices {
  readonly now: Instant;
  /** The time picked in the form; null leaves it to the cadence. */
  readonly chosen: Instant | null;
  readonly expectedResolution: string | null;
  readonly policy: TimerPolicy;
  /** TIMEZONE: the zone the promise is written in. */
  readonly zone: string;
}

/**
 * The update as it will be posted: the communicator's words, then the estimate they gave and
 * when the next update comes. The promised time is recorded as the update's `nextUpdateBy`, so
 * the nudge that keeps the promise is due exactly when the text says (not moved by a later change
 * of severity). A blank body is left blank, for the domain to refuse as it always has.
 */
export function composeUpdate(
  state: OpenedIncident,
  body: string,
  choices: UpdateChoices,
): { readonly text: string; readonly nextUpdateBy: Instant | null } | { readonly error: string } {
  const nextUpdateBy = promisedNextUpdate(state, choices.now, choices.policy, choices.chosen);
  if (body.trim() === '') return { text: body, nextUpdateBy };
  const stage = state.status === 'closed' ? 'resolved' : state.status;
  const closing = updateClosing(
    stage,
    { expectedResolution: choices.expectedResolution, nextUpdateAt: nextUpdateBy },
    timeWords(choices.zone, choices.now),
  );
  const text = postedUpdateText(body, closing);
  const over = text.length - TEXT_LIMITS.update;
  if (over > 0)
    return {
      error: `Shorten the update by ${over} characters: it ends with the estimate and the next update's time, which need room too.`,
    };
  return { text, nextUpdateBy };
}
