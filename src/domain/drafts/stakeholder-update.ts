import type { OpenedIncident } from '../state.js';
import { nextUpdateDue } from '../timer-policy.js';
import type { TimerPolicy } from '../timer-policy-types.js';
import { type Instant, isBefore } from '../types.js';

export type UpdateStage = 'investigating' | 'identified' | 'monitoring' | 'resolved';

/** A stakeholder update in the four parts people need, plus when they will hear from us next. */
export interface StakeholderUpdateDraft {
  readonly stage: UpdateStage;
  readonly affected: string;
  readonly known: string;
  readonly notYetKnown: string;
  readonly doing: string;
  /** Null when no further update is planned (resolved, or no cadence at this severity). */
  readonly nextUpdateAt: Instant | null;
}

/**
 * How much of each piece of the incident's words the draft quotes: the draft must fit its
 * 3,000-character form with all four parts, whatever length a title or a hypothesis reached.
 */
const QUOTED = { title: 200, service: 100, cause: 300, action: 150, summary: 600, expected: 100 } as const;

const SEVERITY_WORDS = {
  SEV1: 'a critical outage',
  SEV2: 'a major disruption',
  SEV3: 'a partial disruption',
  SEV4: 'a minor issue',
  pending: 'an issue whose severity we are still assessing',
} as const;

/**
 * The draft the communicator edits. Honest and calibrated: it says what we know and what we do
 * not, names a resolution time only when the commander gave one, and avoids internal jargon.
 */
export function stakeholderUpdateDraft(
  state: OpenedIncident,
  now: Instant,
  policy: TimerPolicy,
): StakeholderUpdateDraft {
  const stage: UpdateStage = state.status === 'closed' ? 'resolved' : state.status;
  const confirmed = state.hypotheses.find((h) => h.status === 'confirmed');
  const ruledOut = state.hypotheses.filter((h) => h.status === 'ruled_out').length;
  const inProgress = state.actions
    .filter((a) => a.status === 'in_progress')
    .map((a) => clipWords(a.text, QUOTED.action));
  const expected = state.updates.expectedResolution
    ? clipWords(state.updates.expectedResolution, QUOTED.expected)
    : null;
  const title = clipWords(state.title, QUOTED.title);
  const affected = state.service
    ? `${capitalise(clipWords(state.service, QUOTED.service))}: ${SEVERITY_WORDS[state.severity]}.`
    : `${capitalise(SEVERITY_WORDS[state.severity])}; we are still establishing exactly which services are affected.`;

  const byStage: Record<UpdateStage, { known: string; notYetKnown: string; doing: string }> = {
    investigating: {
      known: `We are investigating: ${title}.${ruledOut > 0 ? ` We have ruled out ${ruledOut} possible cause${ruledOut === 1 ? '' : 's'} so far.` : ''}`,
      notYetKnown: 'We do not know the cause yet, so we cannot say when this will be fixed.',
      doing:
        inProgress.length > 0
          ? `We are ${listOf(inProgress)}.`
          : 'The team is testing the most likely causes.',
    },
    identified: {
      known: confirmed
        ? `We have found the cause: ${lowerFirst(clipWords(confirmed.text, QUOTED.cause))}.`
        : 'We have found the likely cause.',
      notYetKnown: expected
        ? `We expect it to be fixed ${expected}, and will confirm.`
        : 'We do not yet know how long the fix will take.',
      doing: inProgress.length > 0 ? `We are ${listOf(inProgress)}.` : 'The team is working on a fix.',
    },
    monitoring: {
      known: 'A fix is in place and the service is recovering.',
      notYetKnown: 'We are not yet certain the fix holds under normal load.',
      doing: 'We are watching closely before we call it resolved.',
    },
    resolved: {
      known:
        state.status === 'resolved' || state.status === 'closed'
          ? `This is resolved. ${clipWords(state.resolution.summary, QUOTED.summary)}`
          : 'This is resolved.',
      notYetKnown:
        (state.status === 'resolved' || state.status === 'closed') && state.resolution.postmortemRequired
          ? 'Why it happened: a postmortem will follow.'
          : 'Nothing further is outstanding.',
      doing: 'No further action is needed from you.',
    },
  };
  const nextUpdateAt =
    stage === 'resolved'
      ? null
      : (state.updates.nextUpdateBy ?? futureOrNull(nextUpdateDue(state, policy), now));
  return { stage, affected, nextUpdateAt, ...byStage[stage] };
}

/** The draft as one plain message. */
export function renderStakeholderUpdate(
  draft: StakeholderUpdateDraft,
  formatTime: (at: Instant) => string,
): string {
  const next = draft.nextUpdateAt ? `Next update by ${formatTime(draft.nextUpdateAt)}.` : '';
  return [
    `What is affected: ${draft.affected}`,
    `What we know: ${draft.known}`,
    `What we don't know yet: ${draft.notYetKnown}`,
    `What we are doing: ${draft.doing}`,
    next,
  ]
    .filter(Boolean)
    .join('\n');
}

function futureOrNull(at: Instant | null, now: Instant): Instant | null {
  return at !== null && isBefore(now, at) ? at : at === null ? null : now;
}

/** Cuts quoted words, marking the cut; never splits a surrogate pair. */
function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');

function listOf(items: readonly string[]): string {
  const shown = items.slice(0, 3).map(lowerFirst);
  if (shown.length === 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
