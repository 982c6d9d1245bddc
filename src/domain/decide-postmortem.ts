import type {
  CompleteFollowUp,
  DropFollowUp,
  FollowUpInput,
  PostmortemAnswers,
  RecordPostmortem,
} from './commands.js';
import { MEETING_SECTIONS, type MeetingSection } from './drafts/postmortem-sections.js';
import { refusing, requirePermission, requireText, withinLimit } from './guards.js';
import { TEXT_LIMITS } from './limits.js';
import { mention, reject } from './rejection.js';
import type { FollowUp, OpenedIncident } from './state.js';
import { isUserId, type UserId } from './types.js';
import { accept, acceptFrom, refuse, unchanged, type Verdict } from './verdict.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The postmortem meeting: the four agenda answers and exactly three follow-ups, ranked 1–3 by
 * impact. Three, not a wish list: the few changes that matter get owners and dates.
 */
export function decideRecordPostmortem(command: RecordPostmortem, state: OpenedIncident): Verdict {
  if (state.status !== 'resolved') {
    const why =
      state.status === 'closed'
        ? 'its postmortem is already recorded'
        : 'it is not resolved yet; resolve it first';
    return refuse(reject('wrong_status', `The postmortem cannot be recorded: ${why}.`));
  }
  const asCommander = requirePermission(state, command.actor, 'record_postmortem');
  const answers = {
    whatHappened: requireText(
      command.answers.whatHappened,
      'answer',
      'what happened',
      'answers.whatHappened',
    ),
    whyNotDetectedSooner: requireText(
      command.answers.whyNotDetectedSooner,
      'answer',
      'why detection did not catch it sooner',
      'answers.whyNotDetectedSooner',
    ),
    whyResponseTookSoLong: requireText(
      command.answers.whyResponseTookSoLong,
      'answer',
      'why the response took as long as it did',
      'answers.whyResponseTookSoLong',
    ),
    whatWeChange: requireText(
      command.answers.whatWeChange,
      'answer',
      'what we change',
      'answers.whatWeChange',
    ),
    ...meetingSections(command.answers),
  };
  const problem = followUpProblem(command.followUps, command.requireControl);
  if (problem) return refuse(reject('follow_ups_invalid', problem, { field: 'followUps' }));
  return acceptFrom(command, {
    type: 'PostmortemRecorded',
    answers: answers as RecordPostmortem['answers'],
    followUps: command.followUps.map((f) => ({ ...f, title: f.title.trim() })),
    asCommander,
  });
}

/** The meeting's further sections: each optional, kept only when answered, within the answer limit. */
function meetingSections(answers: PostmortemAnswers): Partial<PostmortemAnswers> {
  const kept: Partial<Record<MeetingSection, string>> = {};
  for (const key of Object.keys(MEETING_SECTIONS) as MeetingSection[]) {
    const text = (answers[key] ?? '').trim();
    if (text !== '')
      kept[key] = withinLimit(
        text,
        'answer',
        `the answer to "${MEETING_SECTIONS[key].heading}"`,
        `answers.${key}`,
      );
  }
  return kept;
}

/** What is wrong with the follow-ups, in a sentence; null when they are fine. */
export function followUpProblem(followUps: readonly FollowUpInput[], requireControl: boolean): string | null {
  if (followUps.length !== 3) {
    return `A postmortem has exactly three follow-ups, ranked by impact; you gave ${followUps.length}. ${followUps.length > 3 ? 'Keep the three that matter most.' : 'Add the missing ones.'}`;
  }
  if (followUps.some((f) => f.title.trim() === ''))
    return 'Every follow-up needs a title saying what will change.';
  const long = followUps.find((f) => f.title.trim().length > TEXT_LIMITS.followUpTitle);
  if (long)
    return `Follow-up #${long.rank}'s title is ${long.title.trim().length} characters; keep it to ${TEXT_LIMITS.followUpTitle} or fewer.`;
  if (followUps.some((f) => !isUserId(f.owner)))
    return 'Every follow-up needs an owner picked from the people picker.';
  if (followUps.some((f) => !DATE.test(f.due) || Number.isNaN(Date.parse(f.due))))
    return 'Every follow-up needs a due date (YYYY-MM-DD).';
  const ranks = followUps.map((f) => f.rank).sort();
  if (ranks.join() !== '1,2,3') return 'Rank the follow-ups 1, 2 and 3 by impact, each rank once.';
  if (new Set(followUps.map((f) => f.id)).size !== 3)
    return 'Two follow-ups share an id; please submit again.';
  if (requireControl && !followUps.some((f) => f.control)) {
    return 'This service broke the same way before: mark at least one follow-up as a control that prevents or detects this failure.';
  }
  return null;
}

export function decideCompleteFollowUp(command: CompleteFollowUp, state: OpenedIncident): Verdict {
  const followUp = find(state, command.followUpId);
  mayClose(state, followUp, command.actor);
  if (followUp.status === 'done') return unchanged;
  if (followUp.status === 'dropped')
    return refuse(
      reject('invalid_transition', 'That follow-up was dropped; record a new one if the work is back.'),
    );
  return accept({ type: 'FollowUpCompleted', at: command.now, by: command.actor, followUpId: followUp.id });
}

export function decideDropFollowUp(command: DropFollowUp, state: OpenedIncident): Verdict {
  const followUp = find(state, command.followUpId);
  mayClose(state, followUp, command.actor);
  if (followUp.status === 'dropped') return unchanged;
  if (followUp.status === 'done')
    return refuse(reject('invalid_transition', 'That follow-up is already done.'));
  const reason = requireText(command.reason, 'reason', 'why the follow-up is dropped');
  return acceptFrom(command, { type: 'FollowUpDropped', followUpId: followUp.id, reason });
}

/**
 * A follow-up is closed by its owner, or by the incident's commander (the person who recorded the
 * postmortem when nobody held the role): a promise is not dropped by a passer-by.
 */
function mayClose(state: OpenedIncident, followUp: FollowUp, actor: UserId): void {
  const commander = state.roles.commander ?? (state.status === 'closed' ? state.postmortem.by : null);
  if (actor === followUp.owner || actor === commander) return;
  refusing(
    reject(
      'not_permitted',
      `Only ${mention(followUp.owner)}, who owns this follow-up${commander ? `, or the incident's commander (${mention(commander)})` : ''} can close it. Ask them.`,
    ),
  );
}

function find(state: OpenedIncident, id: string): FollowUp {
  if (state.status !== 'closed')
    return refusing(reject('wrong_status', 'Follow-ups exist once the postmortem is recorded.'));
  return (
    state.followUps.find((f) => f.id === id) ??
    refusing(reject('unknown_follow_up', 'I cannot find that follow-up.'))
  );
}
