import { permission } from '../../../../domain/index.js';
import { resolveModal } from '../../views/resolve-modal.js';
import { incidentHere, type SubcommandHandler } from './context.js';

/** `resolve`: opens the resolve modal (asks for a resolution summary), for the commander. */
export const resolve: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'resolve');
  if (!incident || incident.state.status === 'none') return;
  const allowed = permission(incident.state, context.command.user_id, 'resolve');
  if (!allowed.allowed) return context.reply(allowed.rejection.message);
  await context.client.views.open({
    trigger_id: context.command.trigger_id,
    view: resolveModal({ incidentId: incident.id }, incident.state.severity),
  });
};
