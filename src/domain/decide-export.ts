import type { ExportPostmortem } from './commands.js';
import { reject } from './rejection.js';
import type { OpenedIncident } from './state.js';
import { acceptFrom, refuse, type Verdict } from './verdict.js';

/**
 * The final record again, for anyone who may see the incident (the command core has bound them to
 * it): it exists once the postmortem is recorded.
 */
export function decideExportPostmortem(command: ExportPostmortem, state: OpenedIncident): Verdict {
  if (state.status !== 'closed') {
    const why =
      state.status === 'resolved'
        ? 'it is not recorded yet. Hold the meeting and record it with `/incident postmortem` first'
        : 'the incident is not resolved yet';
    return refuse(reject('wrong_status', `There is no final postmortem record to send: ${why}.`));
  }
  return acceptFrom(command, { type: 'PostmortemExported', channel: command.channel });
}
