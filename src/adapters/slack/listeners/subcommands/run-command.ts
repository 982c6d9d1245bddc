import type { CommandRequest } from '../../../../app/commands/command-core.js';
import { type SubcommandAnswer, type SubcommandContext, say } from './context.js';

/**
 * Runs a domain command for the person and says how it went: the rejection when refused (it says
 * what to do next), the notice when accepted differently from what was asked, or `confirmation`.
 */
export async function runForPerson(
  context: SubcommandContext,
  incidentId: string,
  command: CommandRequest['command'],
  confirmation: string,
): Promise<SubcommandAnswer> {
  const outcome = await context.deps.commands.run({ incidentId, command, origin: context.origin });
  if (!outcome.ok) return say(outcome.rejection.message);
  if (outcome.notice) return say(outcome.notice.message);
  return say(outcome.events.length > 0 ? confirmation : 'Nothing changed: that was already the case.');
}
