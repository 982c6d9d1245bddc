import { updateModal } from '../../views/update-modal.js';
import { incidentHere, isAnswer, type SubcommandHandler, say } from './context.js';

/** `update`: opens the stakeholder update modal with the draft for the incident's stage. */
export const update: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'update');
  if (isAnswer(incident)) return incident;
  if (incident.state.status === 'none') return say('There is no incident here.');
  return {
    modal: updateModal(
      { incidentId: incident.id },
      incident.state,
      context.now,
      context.deps.policy,
      context.deps.config.timezone,
    ),
  };
};
