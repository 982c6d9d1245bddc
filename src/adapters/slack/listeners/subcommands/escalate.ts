import { AUDIENCE_NAMES, type EscalationAudience, escalationSeverity } from '../../../../domain/index.js';
import { incidentHere, isAnswer, type SubcommandHandler, say } from './context.js';

const HOW: Readonly<Record<EscalationAudience, string>> = {
  senior: 'is paged into this channel',
  exec: 'is told by direct message',
};

const UNSET: Readonly<Record<EscalationAudience, string>> = {
  senior: 'ESCALATION_SENIOR',
  exec: 'ESCALATION_EXEC',
};

/**
 * `escalate [reason]`: escalates now, to the audiences the escalation policy names for the
 * severity (everyone, when it names nobody: a person asked). Who asked and why go on the
 * timeline and into both messages; the policy's pending timers for those told fall away.
 */
export const escalate: SubcommandHandler = async (context) => {
  const incident = await incidentHere(context, 'escalate');
  if (isAnswer(incident)) return incident;
  const state = incident.state;
  if (state.status === 'none') return say('There is no incident here.');
  const { deps, command } = context;
  const outcome = await deps.commands.run({
    incidentId: incident.id,
    origin: context.origin,
    command: {
      type: 'Escalate',
      actor: command.user_id,
      now: context.now,
      reason: context.rest === '' ? null : context.rest,
      policy: deps.policy,
    },
  });
  if (!outcome.ok) return say(outcome.rejection.message);
  const event = outcome.events.find((e) => e.type === 'IncidentEscalated');
  if (!event) return say('Nothing changed: that was already the case.');
  const audiences = event.audiences ?? ['senior', 'exec'];
  const configured = { senior: deps.config.escalation.senior, exec: deps.config.escalation.exec };
  // Honest about a deployment that names nobody: the person then knows to call them.
  const told = audiences
    .map((a) =>
      configured[a].length > 0
        ? `${AUDIENCE_NAMES[a]} ${HOW[a]}`
        : `${AUDIENCE_NAMES[a]} would be, but ${UNSET[a]} is unset: call them yourself`,
    )
    .join(', and ');
  const lines = state.drill
    ? [
        'Escalated, as a drill: nobody real is paged or told. The commander gets each message, labelled as a drill.',
      ]
    : [`Escalated: ${told}.`];
  if (event.beyondPolicy)
    lines.push(
      `The escalation policy escalates nobody at ${escalationSeverity(state.severity)}; because you asked, both are told, and the messages say so.`,
    );
  lines.push(
    event.reason
      ? 'Your reason is in the messages and on the timeline.'
      : 'You gave no reason, so the messages say only that you escalated.',
  );
  return say(lines.join(' '));
};
