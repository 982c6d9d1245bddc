import { decisionModal } from '../../views/decision-modal.js';
import { incidentHere, type SubcommandHandler } from './context.js';

/** `decision`: opens the decision modal (what, why, what would change our mind). */
export const decision: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'decision');
  if (!incident) return;
  await context.client.views.open({
    trigger_id: context.command.trigger_id,
    view: decisionModal({ incidentId: incident.id }),
  });
};
