import { hasEscalated, permission } from '../../../../domain/index.js';
import { finalUpdateField } from '../../views/final-update-field.js';
import { resolveModal } from '../../views/resolve-modal.js';
import { incidentHere, isAnswer, type SubcommandHandler, say } from './context.js';

/** `resolve`: opens the resolve modal (asks for a resolution summary), for the commander. */
export const resolve: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'resolve');
  if (isAnswer(incident)) return incident;
  if (incident.state.status === 'none') return say('There is no incident here.');
  const allowed = permission(incident.state, context.command.user_id, 'resolve');
  if (!allowed.allowed) return say(allowed.rejection.message);
  return {
    modal: resolveModal({ incidentId: incident.id }, incident.state.severity, {
      openedAt: incident.state.openedAt,
      finalUpdate: finalUpdateField(incident.state, context.now, context.deps.config.timezone),
      escalated: hasEscalated(incident.state),
    }),
  };
};
