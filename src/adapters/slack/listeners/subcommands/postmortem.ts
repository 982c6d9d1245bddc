import { postmortemForm } from '../postmortem.js';
import { incidentHere, isAnswer, type SubcommandHandler, say } from './context.js';
import { runForPerson } from './run-command.js';

/**
 * `postmortem`: opens the postmortem modal (answers and three follow-ups) once resolved.
 * `postmortem export`: sends the final record (draft, answers, follow-ups) again, in this channel.
 */
export const postmortem: SubcommandHandler = async (context) => {
  const word = context.rest.trim().toLowerCase();
  const name = context.deps.config.slack.command;
  if (word !== '' && word !== 'export')
    return say(
      `\`${name} postmortem\` records the meeting; \`${name} postmortem export\` sends its final record again. Which did you mean?`,
    );
  const incident = await incidentHere(context, word === 'export' ? 'postmortem export' : 'postmortem');
  if (isAnswer(incident)) return incident;
  if (word === 'export')
    return runForPerson(
      context,
      incident.id,
      {
        type: 'ExportPostmortem',
        actor: context.command.user_id,
        now: context.now,
        channel: context.command.channel_id,
      },
      'Sending the final postmortem record here, as a Markdown file.',
    );
  const form = await postmortemForm(context.deps, incident, context.command.user_id);
  return 'modal' in form ? form : { text: form.reply };
};
