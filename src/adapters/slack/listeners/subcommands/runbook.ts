import { isRunbookUrl } from '../../../../app/ports/runbooks.js';
import { TEXT_LIMITS } from '../../../../domain/index.js';
import { inline } from '../../views/format.js';
import { runbookLink } from '../../views/incident-context.js';
import { type SubcommandHandler, say } from './context.js';

/** How many runbooks the listing names; a workspace with more is asked to look in the header. */
const LISTED = 50;

/**
 * `runbook`: lists the workspace's runbook links by service. `runbook <service> <url>` records the
 * link for a service (the last word is the link, the words before it the service), shown from then
 * on on the header and when the hold ends of every incident on that service. Works from anywhere.
 */
export const runbook: SubcommandHandler = async (context) => {
  const { deps, command } = context;
  const name = deps.config.slack.command;
  const words = context.rest
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) {
    const runbooks = await deps.runbooks.list(command.team_id);
    if (runbooks.length === 0)
      return say(
        `No runbook is recorded yet. Add one with \`${name} runbook &lt;service&gt; &lt;https://…&gt;\`.`,
      );
    const lines = runbooks
      .slice(0, LISTED)
      .map((r) => `• *${inline(r.service, TEXT_LIMITS.service)}*: ${runbookLink(r.url)}`);
    if (runbooks.length > LISTED) lines.push(`…and ${runbooks.length - LISTED} more.`);
    return say([`*Runbooks* (${runbooks.length}):`, ...lines].join('\n'));
  }
  // A client may send a pasted link as Slack's `<https://…>` or `<https://…|label>`.
  const url = (words.at(-1) ?? '').replace(/^<([^|>]+)(?:\|[^>]*)?>$/, '$1');
  const service = words.slice(0, -1).join(' ');
  const usage = `Write \`${name} runbook &lt;service&gt; &lt;https://…&gt;\`, for example \`${name} runbook checkout https://wiki.example.com/checkout\`.`;
  if (service === '') return say(`Which service is this runbook for? ${usage}`);
  if (service.length > TEXT_LIMITS.service)
    return say(
      `That service name is ${service.length} characters; keep it to ${TEXT_LIMITS.service} or fewer.`,
    );
  if (!isRunbookUrl(url))
    return say(
      `The runbook must be a web address starting with https:// (without spaces, at most 500 characters). ${usage}`,
    );
  await deps.runbooks.set(command.team_id, { service, url, setBy: command.user_id, setAt: context.now });
  return say(
    `Recorded the runbook for *${inline(service, TEXT_LIMITS.service)}*: ${runbookLink(url)}. Incidents on ${inline(service, TEXT_LIMITS.service)} will show it on their header and when their diagnosis hold ends.`,
  );
};
