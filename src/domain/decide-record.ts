import type { AddNote, CaptureMessage, ChangeStatus, RecordDecision } from './commands.js';
import { isRejection, optionalText, requireActive, requireText } from './guards.js';
import { clipText, TEXT_LIMITS } from './limits.js';
import type { OpenedIncident } from './state.js';
import { accept, refuse, unchanged, type Verdict } from './verdict.js';

/** Decisions are recorded as what we chose, why, and what would change our mind. */
export function decideRecordDecision(command: RecordDecision, state: OpenedIncident): Verdict {
  const active = requireActive(state, 'record a decision');
  if (isRejection(active)) return refuse(active);
  if (state.decisions.some((d) => d.id === command.decisionId)) return unchanged;
  const what = requireText(command.what, 'decisionWhat', 'what was decided');
  if (isRejection(what)) return refuse(what);
  const why = requireText(command.why, 'decisionWhy', 'why it was decided');
  if (isRejection(why)) return refuse(why);
  const wouldChangeOurMind = requireText(
    command.wouldChangeOurMind,
    'wouldChangeOurMind',
    'what would change our mind',
  );
  if (isRejection(wouldChangeOurMind)) return refuse(wouldChangeOurMind);
  return accept({
    type: 'DecisionRecorded',
    at: command.now,
    by: command.actor,
    decisionId: command.decisionId,
    what,
    why,
    wouldChangeOurMind,
  });
}

/** Notes are welcome at any stage, postmortem included: the timeline is never closed to facts. */
export function decideAddNote(command: AddNote, _state: OpenedIncident): Verdict {
  const text = requireText(command.text, 'note', 'the note');
  if (isRejection(text)) return refuse(text);
  return accept({ type: 'NoteAdded', at: command.now, by: command.actor, text });
}

/** A captured message keeps its author and original time; capturing it again changes nothing. */
export function decideCaptureMessage(command: CaptureMessage, state: OpenedIncident): Verdict {
  if (state.captured.includes(`${command.channel}/${command.ts}`)) return unchanged;
  return accept({
    type: 'MessageCaptured',
    at: command.now,
    by: command.actor,
    channel: command.channel,
    ts: command.ts,
    author: command.author,
    text: clipText(command.text, TEXT_LIMITS.capturedText),
    postedAt: command.postedAt,
  });
}

export function decideChangeStatus(command: ChangeStatus, state: OpenedIncident): Verdict {
  const active = requireActive(state, 'change its status');
  if (isRejection(active)) return refuse(active);
  if (active.status === command.status) return unchanged;
  const note = optionalText(command.note, 'note', 'The note');
  if (isRejection(note)) return refuse(note);
  return accept({
    type: 'StatusChanged',
    at: command.now,
    by: command.actor,
    from: active.status,
    to: command.status,
    note,
  });
}
