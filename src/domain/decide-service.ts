import type { SetService } from './commands.js';
import { requirePermission, requireText } from './guards.js';
import { reject } from './rejection.js';
import type { OpenedIncident } from './state.js';
import { acceptFrom, refuse, unchanged, type Verdict } from './verdict.js';

/**
 * Naming the affected service: the duplicate check, "it broke before" and the updates all read it.
 * The commander's call (anyone's while nobody is commander), at any time until the postmortem is
 * recorded: the postmortem's broke-twice check reads it too, so it may be named after resolving.
 */
export function decideSetService(command: SetService, state: OpenedIncident): Verdict {
  if (state.status === 'closed')
    return refuse(
      reject(
        'wrong_status',
        'This incident is closed: its postmortem is recorded, so its service stays as it was.',
      ),
    );
  const asCommander = requirePermission(state, command.actor, 'set_service');
  const service = requireText(command.service, 'service', 'the service name');
  if (state.service === service) return unchanged;
  return acceptFrom(command, { type: 'ServiceSet', from: state.service, to: service, asCommander });
}
