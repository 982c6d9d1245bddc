import { postmortemForm } from '../postmortem.js';
import { incidentHere, isAnswer, type SubcommandHandler } from './context.js';

/** `postmortem`: opens the postmortem modal (answers and three follow-ups) once resolved. */
export const postmortem: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'postmortem');
  if (isAnswer(incident)) return incident;
  const form = await postmortemForm(context.deps, incident, context.command.user_id);
  return 'modal' in form ? form : { text: form.reply };
};
