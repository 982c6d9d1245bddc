import type { PostStakeholderUpdate, SnoozeUpdateNudge } from './commands.js';
import { optionalText, requireText } from './guards.js';
import { reject } from './rejection.js';
import type { OpenedIncident } from './state.js';
import { addMilliseconds, isBefore, isChannelId } from './types.js';
import { acceptFrom, refuse, type Verdict } from './verdict.js';

/** How long an update nudge can be snoozed, in minutes: the buttons on the nudge offer these. */
export const SNOOZE_CHOICES = [15, 30, 60] as const;
export type SnoozeMinutes = (typeof SNOOZE_CHOICES)[number];

/** A posted update resets the update clock. Allowed until the postmortem closes the incident. */
export function decidePostUpdate(command: PostStakeholderUpdate, state: OpenedIncident): Verdict {
  if (state.status === 'closed') {
    return refuse(
      reject('wrong_status', 'This incident is closed; stakeholders already have the final record.'),
    );
  }
  const text = requireText(command.text, 'update', 'the update text');
  if (command.alsoPostTo && !isChannelId(command.alsoPostTo))
    return refuse(reject('invalid_input', 'Pick the extra channel from the channel picker.'));
  const expectedResolution = optionalText(
    command.expectedResolution,
    'expectedResolution',
    'The expected resolution',
  );
  if (command.nextUpdateBy !== null && !isBefore(command.now, command.nextUpdateBy)) {
    return refuse(
      reject('invalid_input', 'The next update time is in the past; promise a time that is still ahead.', {
        field: 'nextUpdateBy',
      }),
    );
  }
  return acceptFrom(command, {
    type: 'StakeholderUpdatePosted',
    text,
    nextUpdateBy: command.nextUpdateBy,
    expectedResolution,
    ...(command.alsoPostTo ? { alsoPostedTo: command.alsoPostTo } : {}),
  });
}

export function decideSnoozeNudge(command: SnoozeUpdateNudge, state: OpenedIncident): Verdict {
  if (state.status === 'resolved' || state.status === 'closed') {
    return refuse(
      reject('wrong_status', 'The incident is resolved, so there are no update nudges left to snooze.'),
    );
  }
  if (!SNOOZE_CHOICES.includes(command.minutes)) {
    return refuse(reject('invalid_input', `Snooze for ${SNOOZE_CHOICES.join(', ')} minutes.`));
  }
  return acceptFrom(command, {
    type: 'UpdateNudgeSnoozed',
    until: addMilliseconds(command.now, command.minutes * 60_000),
  });
}
