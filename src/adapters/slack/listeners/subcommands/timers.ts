import { placeTimers } from '../../../../app/timer-sync.js';
import { renderTimers } from '../../views/timers.js';
import { incidentHere, isAnswer, type SubcommandHandler, say } from './context.js';

/**
 * `timers`: every pending timer of the incident, privately, in the caller's time zone. Shown from
 * the state (what the scheduler keeps the queue equal to), so it never disagrees with what fires.
 */
export const timers: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'timers');
  if (isAnswer(incident)) return incident;
  const { deps, command } = context;
  const placed = await placeTimers(incident.state, deps.policy, (user) => deps.zoneOf(user, command.team_id));
  const zone = await deps.zoneOf(command.user_id, command.team_id);
  return say(renderTimers(placed, context.now, zone));
};
