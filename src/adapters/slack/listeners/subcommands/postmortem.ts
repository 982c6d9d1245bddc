import { openPostmortemModal } from '../postmortem.js';
import { incidentHere, type SubcommandHandler } from './context.js';

/** `postmortem`: opens the postmortem modal (answers and three follow-ups) once resolved. */
export const postmortem: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'postmortem');
  if (!incident) return;
  const problem = await openPostmortemModal(
    context.deps,
    context.client,
    context.command.trigger_id,
    incident,
    context.command.user_id,
  );
  if (problem) await context.reply(problem);
};
