import { SEVERITIES, type Severity } from '../../../../domain/index.js';
import { userMention } from '../../views/format.js';
import { incidentHere, isAnswer, type SubcommandContext, type SubcommandHandler, say } from './context.js';
import { runForPerson } from './run-command.js';

export const base = (context: SubcommandContext) => ({ actor: context.command.user_id, now: context.now });
export const usage = (context: SubcommandContext, example: string) =>
  `\`${context.deps.config.slack.command} ${example}\``;

/** `hypothesis <text>`: proposes a hypothesis. */
export const hypothesis: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'hypothesis');
  if (isAnswer(incident)) return incident;
  if (context.rest === '')
    return say(`Say what you suspect: ${usage(context, 'hypothesis The 14:02 deploy broke payments')}.`);
  return runForPerson(
    context,
    incident.id,
    { type: 'ProposeHypothesis', ...base(context), hypothesisId: context.deps.newId(), text: context.rest },
    'Hypothesis added to the header.',
  );
};

/** A trailing mention names the owner: `action Roll back the deploy @dana`. */
const TRAILING_MENTION = /\s*<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>\s*$/;

/** `action <text> [@owner]`: starts an action, or keeps it as proposed during the diagnosis hold. */
export const action: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'action');
  if (isAnswer(incident)) return incident;
  const owner = TRAILING_MENTION.exec(context.rest)?.[1] ?? context.command.user_id;
  const text = context.rest.replace(TRAILING_MENTION, '').trim();
  if (text === '')
    return say(`Say what will be done, and by whom: ${usage(context, 'action Roll back the deploy @dana')}.`);
  return runForPerson(
    context,
    incident.id,
    {
      type: 'StartAction',
      ...base(context),
      actionId: context.deps.newId(),
      text,
      owner,
      hypothesisId: null,
    },
    `Action started, owned by ${userMention(owner)}.`,
  );
};

/** `note <text>`: adds a note to the timeline. */
export const note: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'note');
  if (isAnswer(incident)) return incident;
  if (context.rest === '')
    return say(`Say what to note: ${usage(context, 'note p99 latency back under 300 ms')}.`);
  return runForPerson(
    context,
    incident.id,
    { type: 'AddNote', ...base(context), text: context.rest },
    'Noted on the timeline.',
  );
};

/** `severity SEV1 <reason>`: changes the severity, with a reason. */
export const severity: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'severity');
  if (isAnswer(incident)) return incident;
  const [first = '', ...reason] = context.rest.split(/\s+/);
  const level = first.toUpperCase();
  if (!SEVERITIES.includes(level as Severity))
    return say(
      `Name the severity and why: ${usage(context, 'severity SEV1 all regions are failing')} (SEV1 critical … SEV4 minor).`,
    );
  return runForPerson(
    context,
    incident.id,
    { type: 'ChangeSeverity', ...base(context), severity: level as Severity, reason: reason.join(' ') },
    `Severity is now ${level}.`,
  );
};
