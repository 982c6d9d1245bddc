import { postmortemRequired } from '../decide-resolution.js';
import { impactEndedAt, impactStartedAt } from '../impact-window.js';
import type { OpenedIncident } from '../state.js';
import type { Instant } from '../types.js';
import { asItem, asSentence, bulletList, capitalise, clipWords, type TimeWords } from './draft-words.js';
import { impactThen } from './impact-words.js';

const QUOTED = { title: 200, cause: 300, summary: 600, action: 200 } as const;
const ACTIONS_LISTED = 3;

/**
 * The final update, in the past tense: what happened and for how long, the cause when it was
 * confirmed, what fixed it, and what comes next. Drafted in the resolve form (`resolvingAt` is
 * when the form opened, standing in for the resolution) and after resolving (the resolution's
 * own times and summary).
 */
export function finalUpdateDraft(state: OpenedIncident, resolvingAt: Instant, words: TimeWords): string {
  const resolved = state.status === 'resolved' || state.status === 'closed' ? state.resolution : null;
  const window = words.between(impactStartedAt(state), impactEndedAt(state, resolvingAt));
  const confirmed = state.hypotheses.find((h) => h.status === 'confirmed');
  const done = state.actions.filter((a) => a.status === 'done').map((a) => asItem(a.text, QUOTED.action));
  // Below SEV2 a postmortem is held only when asked: until the form says so, promise none.
  const postmortem = resolved ? resolved.postmortemRequired : postmortemRequired(state.severity, false);
  const fix = resolved
    ? `What fixed it: ${asSentence(resolved.summary, QUOTED.summary)}`
    : done.length > 0
      ? bulletList('What we did', done, ACTIONS_LISTED)
      : '';
  return [
    `Resolved: ${asSentence(clipWords(state.title, QUOTED.title), QUOTED.title)}`,
    `What happened: ${capitalise(window)}, ${impactThen(state)}`,
    confirmed
      ? `Cause: ${asSentence(confirmed.text, QUOTED.cause)}`
      : postmortem
        ? 'Cause: We have not confirmed it yet; our review of the incident will establish it.'
        : '',
    fix,
    postmortem
      ? 'What comes next: We will review what happened and share what we change so that it does not happen again.'
      : '',
    'This is our final update on this incident.',
  ]
    .filter(Boolean)
    .join('\n');
}
