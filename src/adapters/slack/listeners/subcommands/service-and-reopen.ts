import { incidentHere, isAnswer, type SubcommandHandler, say } from './context.js';
import { runForPerson } from './run-command.js';
import { base, usage } from './work.js';

/** `service <name>`: names or renames the affected service (the commander, or anyone while nobody is). */
export const service: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'service');
  if (isAnswer(incident)) return incident;
  if (context.rest === '') return say(`Name the affected service: ${usage(context, 'service checkout')}.`);
  return runForPerson(
    context,
    incident.id,
    { type: 'SetService', ...base(context), service: context.rest },
    'Service saved; the header and the announcement show it.',
  );
};

/** `reopen <reason>`: a resolved incident that came back is worked again, in the same channel. */
export const reopen: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'reopen');
  if (isAnswer(incident)) return incident;
  if (context.rest === '')
    return say(`Say why it is back: ${usage(context, 'reopen errors returned after the rollback')}.`);
  return runForPerson(
    context,
    incident.id,
    { type: 'Reopen', ...base(context), reason: context.rest },
    'Reopened: the incident is investigating again and the escalation clock restarts.',
  );
};
