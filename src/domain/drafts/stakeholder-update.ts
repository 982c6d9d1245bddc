import type { OpenedIncident } from '../state.js';
import { cadenceFor } from '../timer-policy.js';
import type { TimerPolicy } from '../timer-policy-types.js';
import { addMilliseconds, type Instant } from '../types.js';
import {
  asItem,
  asPhrase,
  asSentence,
  bulletList,
  capitalise,
  countOf,
  type TimeWords,
} from './draft-words.js';
import { finalUpdateDraft } from './final-update.js';
import { impactNow, impactThen } from './impact-words.js';

export type { TimeWords } from './draft-words.js';

export type UpdateStage = 'investigating' | 'identified' | 'monitoring' | 'resolved';

/** A stakeholder update as drafted: the body the communicator edits, and the promise it will end with. */
export interface StakeholderUpdateDraft {
  readonly stage: UpdateStage;
  /** What is affected, what we know, what we don't know yet, what we are doing (resolved: the final update). */
  readonly body: string;
  /** When the next update comes if it is posted now as the cadence says; null when none is planned. */
  readonly nextUpdateAt: Instant | null;
}

/**
 * How much of each piece of the incident's words the draft quotes: the draft must fit its
 * 2,500-character form with all its parts, whatever length a hypothesis or an action reached.
 */
const QUOTED = { cause: 300, action: 200, expected: 150 } as const;
/** Stakeholders need the gist of the work, not the whole list. */
const ACTIONS_LISTED = 3;

/**
 * The draft the communicator edits. Honest and calibrated: it says what we know and what we do
 * not, quotes people's words as items or after a colon (never inside a sentence of ours), names a
 * resolution time only when the commander gives one, and avoids internal jargon.
 */
export function stakeholderUpdateDraft(
  state: OpenedIncident,
  now: Instant,
  policy: TimerPolicy,
  words: TimeWords,
): StakeholderUpdateDraft {
  if (state.status === 'resolved' || state.status === 'closed') {
    return { stage: 'resolved', body: finalUpdateDraft(state, now, words), nextUpdateAt: null };
  }
  const stage = state.status;
  const confirmed = state.hypotheses.find((h) => h.status === 'confirmed');
  const ruledOut = state.hypotheses.filter((h) => h.status === 'ruled_out').length;
  const inProgress = state.actions
    .filter((a) => a.status === 'in_progress')
    .map((a) => asItem(a.text, QUOTED.action));
  const parts: Record<
    Exclude<UpdateStage, 'resolved'>,
    { known: string; notYetKnown: string; doing: string }
  > = {
    investigating: {
      known: `The team is investigating${ruledOut > 0 ? ` and has ruled out ${countOf(ruledOut, 'possible cause', 'possible causes')} so far` : ''}.`,
      notYetKnown: 'What is causing it, so we cannot yet say exactly when it will be fixed.',
      doing: 'The team is testing the most likely causes.',
    },
    identified: {
      known: confirmed
        ? `We have found the cause: ${asSentence(confirmed.text, QUOTED.cause)}`
        : 'We have found the likely cause.',
      notYetKnown: 'Exactly how long the fix will take.',
      doing: 'The team is working on a fix.',
    },
    monitoring: {
      known: 'A fix is in place, and we are checking that it works.',
      notYetKnown: 'Whether the fix holds under normal load.',
      doing: 'The team is watching closely before calling it resolved.',
    },
  };
  const { known, notYetKnown, doing } = parts[stage];
  const body = [
    // Once a fix is in place, the impact is told as what it was: we are checking it is over.
    stage === 'monitoring'
      ? `What was affected: ${capitalise(impactThen(state))}`
      : `What is affected: ${impactNow(state)}`,
    `What we know: ${known}`,
    `What we don't know yet: ${notYetKnown}`,
    inProgress.length > 0
      ? bulletList('What we are doing', inProgress, ACTIONS_LISTED)
      : `What we are doing: ${doing}`,
  ].join('\n');
  return { stage, body, nextUpdateAt: promisedNextUpdate(state, now, policy, null) };
}

/**
 * When the next update is promised, if one is posted now: the time the commander chose, else the
 * cadence for the incident's severity; null when no further update is planned (resolved, or no
 * cadence at this severity).
 */
export function promisedNextUpdate(
  state: OpenedIncident,
  now: Instant,
  policy: TimerPolicy,
  chosen: Instant | null,
): Instant | null {
  if (state.status === 'resolved' || state.status === 'closed') return chosen;
  if (chosen !== null) return chosen;
  const cadence = cadenceFor(state.severity, policy);
  return cadence > 0 ? addMilliseconds(now, cadence) : null;
}

/**
 * The lines every posted update ends with: the commander's estimate when they gave one, and when
 * stakeholders hear from us next. A resolved incident's final update carries its own ending.
 */
export function updateClosing(
  stage: UpdateStage,
  promise: { readonly expectedResolution: string | null; readonly nextUpdateAt: Instant | null },
  words: TimeWords,
): string {
  if (stage === 'resolved') return '';
  const estimate = promise.expectedResolution?.trim();
  const lines = [
    estimate
      ? `Expected resolution: ${asPhrase(estimate, QUOTED.expected)} (our best estimate; we will confirm it).`
      : '',
    promise.nextUpdateAt
      ? `Next update by ${words.at(promise.nextUpdateAt)}.`
      : 'We will post again when the situation changes.',
  ];
  return lines.filter(Boolean).join('\n');
}

/** The update as posted: the communicator's body, then its closing lines. */
export function postedUpdateText(body: string, closing: string): string {
  const trimmed = body.trimEnd();
  return closing ? `${trimmed}\n\n${closing}` : trimmed;
}
