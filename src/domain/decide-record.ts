import type { AddNote, CaptureMessage, ChangeStatus, RecordDecision } from './commands.js';
import { optionalText, requireActive, requireText } from './guards.js';
import { clipText, TEXT_LIMITS } from './limits.js';
import type { OpenedIncident } from './state.js';
import { accept, acceptFrom, unchanged, type Verdict } from './verdict.js';

/** Decisions are recorded as what we chose, why, and what would change our mind. */
export function decideRecordDecision(command: RecordDecision, state: OpenedIncident): Verdict {
  requireActive(state, 'record a decision');
  if (state.decisions.some((d) => d.id === command.decisionId)) return unchanged;
  const what = requireText(command.what, 'decisionWhat', 'what was decided');
  const why = requireText(command.why, 'decisionWhy', 'why it was decided');
  const wouldChangeOurMind = requireText(
    command.wouldChangeOurMind,
    'wouldChangeOurMind',
    'what would change our mind',
  );
  return acceptFrom(command, {
    type: 'DecisionRecorded',
    decisionId: command.decisionId,
    what,
    why,
    wouldChangeOurMind,
  });
}

/** Notes are welcome at any stage, postmortem included: the timeline is never closed to facts. */
export function decideAddNote(command: AddNote, _state: OpenedIncident): Verdict {
  const text = requireText(command.text, 'note', 'the note');
  return accept({ type: 'NoteAdded', at: command.now, by: command.actor, text });
}

/** A captured message keeps its author and original time; capturing it again changes nothing. */
export function decideCaptureMessage(command: CaptureMessage, state: OpenedIncident): Verdict {
  if (state.captured.includes(`${command.channel}/${command.ts}`)) return unchanged;
  return acceptFrom(command, {
    type: 'MessageCaptured',
    channel: command.channel,
    ts: command.ts,
    author: command.author,
    text: clipText(command.text, TEXT_LIMITS.capturedText),
    postedAt: command.postedAt,
  });
}

export function decideChangeStatus(command: ChangeStatus, state: OpenedIncident): Verdict {
  const active = requireActive(state, 'change its status');
  if (active.status === command.status) return unchanged;
  const note = optionalText(command.note, 'note', 'The note');
  return acceptFrom(command, { type: 'StatusChanged', from: active.status, to: command.status, note });
}
