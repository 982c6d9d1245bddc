import type { OpenIncident } from './commands.js';
import { optionalText } from './guards.js';
import { TEXT_LIMITS } from './limits.js';
import { reject } from './rejection.js';
import type { IncidentState } from './state.js';
import { severityFromTriage } from './triage.js';
import { addMilliseconds } from './types.js';
import { acceptFrom, refuse, type Verdict } from './verdict.js';

export const TITLE_MAX_LENGTH = TEXT_LIMITS.title;

export function decideOpen(command: OpenIncident, state: IncidentState): Verdict {
  if (state.status !== 'none') {
    return refuse(reject('already_open', `INC-${state.number} already exists; work on it in its channel.`));
  }
  const title = command.title.trim();
  if (title.length === 0) {
    return refuse(reject('invalid_input', 'An incident needs a title: say in a few words what is broken.'));
  }
  if (title.length > TITLE_MAX_LENGTH) {
    return refuse(
      reject('invalid_input', `The title is ${title.length} characters; keep it under ${TITLE_MAX_LENGTH}.`),
    );
  }
  const service = optionalText(command.service, 'service', 'The service name');
  return acceptFrom(command, {
    type: 'IncidentOpened',
    number: command.number,
    title,
    service,
    severity: command.triage ? severityFromTriage(command.triage) : (command.severity ?? 'pending'),
    triage: command.triage ?? null,
    private: command.private,
    drill: command.drill,
    reporter: command.actor,
    holdEndsAt: command.diagnosisHold > 0 ? addMilliseconds(command.now, command.diagnosisHold) : null,
  });
}
