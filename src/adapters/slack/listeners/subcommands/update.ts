import { timerPolicyFrom } from '../../../../app/timer-policy.js';
import { updateModal } from '../../views/update-modal.js';
import { incidentHere, type SubcommandHandler } from './context.js';

/** `update`: opens the stakeholder update modal with the draft for the incident's stage. */
export const update: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'update');
  if (!incident || incident.state.status === 'none') return;
  await context.client.views.open({
    trigger_id: context.command.trigger_id,
    view: updateModal(
      { incidentId: incident.id },
      incident.state,
      context.deps.clock.now().toISOString(),
      timerPolicyFrom(context.deps.config.timing),
    ),
  });
};
