import { possibleDuplicates } from '../../../../app/commands/recent-duplicates.js';
import { duplicateWarningAfterOpening } from '../../views/duplicate-warning.js';
import { openModal } from '../../views/open-modal.js';
import { type SubcommandHandler, say } from './context.js';

/**
 * `open <title>`: opens at once with severity pending triage; the answer comes with the ack, and
 * the channel, header and a confirmation naming the channel follow from the outbox. When an open
 * incident looks like the same problem, the answer says so, with a link: the incident still opens
 * (someone typing a title is in a hurry), and they decide. `open` alone opens the triage form.
 */
export const open: SubcommandHandler = async (context) => {
  const { deps, command, rest } = context;
  if (rest === '') return { modal: openModal({ channel: command.channel_id, duplicateAcknowledged: false }) };
  const outcome = await deps.commands.open({
    teamId: command.team_id,
    effects: [{ kind: 'reporter.confirm', responseUrl: command.response_url }],
    command: {
      type: 'OpenIncident',
      actor: command.user_id,
      now: context.now,
      title: rest,
      service: null,
      severity: null,
      private: false,
      drill: false,
      diagnosisHold: deps.config.timing.diagnosisHold,
    },
  });
  if (!outcome.ok) return say(outcome.rejection.message);
  deps.logger.info({ incidentId: outcome.incident.id, number: outcome.incident.number }, 'incident opened');
  const opening = { title: rest, service: null };
  // Looked for after opening, so two people opening the same thing at once each hear of the other.
  const others = (
    await possibleDuplicates(deps.store, command.team_id, opening, new Date(context.now), command.user_id)
  ).filter((i) => i.id !== outcome.incident.id);
  const opened = `Opening *INC-${outcome.incident.number}*: creating its channel now; I will post the link here in a moment.`;
  return say(others.length > 0 ? `${opened}\n${duplicateWarningAfterOpening(others, opening)}` : opened);
};
