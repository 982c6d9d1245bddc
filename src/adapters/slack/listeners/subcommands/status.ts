import { renderStatus } from '../../views/status.js';
import { incidentHere, type SubcommandHandler } from './context.js';

/** `status`: the incident's state, privately to the caller. */
export const status: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'status');
  if (incident) await context.reply(renderStatus(incident));
};
