import { decisionModal } from '../../views/decision-modal.js';
import { incidentHere, isAnswer, type SubcommandHandler } from './context.js';

/** `decision`: opens the decision modal (what, why, what would change our mind). */
export const decision: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'decision');
  if (isAnswer(incident)) return incident;
  return { modal: decisionModal({ incidentId: incident.id }) };
};
