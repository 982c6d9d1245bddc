import type { IncidentCommand } from '../../../../domain/index.js';
import type { SubcommandContext } from './context.js';

/**
 * Runs a domain command for a person and answers privately: the rejection when refused (it says
 * what to do next), the notice when accepted differently from what was asked, or `confirmation`.
 * Returns whether it was accepted.
 */
export async function runForPerson(
  context: SubcommandContext,
  incidentId: string,
  command: IncidentCommand,
  confirmation: string | null,
): Promise<boolean> {
  const outcome = await context.deps.handleCommand(incidentId, command);
  if (!outcome.ok) {
    await context.reply(outcome.rejection.message);
    return false;
  }
  if (outcome.notice) await context.reply(outcome.notice.message);
  else if (confirmation && outcome.events.length > 0) await context.reply(confirmation);
  else if (outcome.events.length === 0) await context.reply('Nothing changed: that was already the case.');
  return true;
}
