import { type OpenedIncident, permits, ROLES } from '../../../domain/index.js';
import { inline } from './format.js';
import { incidentRef, ROLE_LABELS } from './labels.js';

/** Where the person asked, when it was an incident channel: the help says what they can do there. */
export interface HelpContext {
  readonly incident: OpenedIncident | null;
  readonly userId: string;
}

/** The reply to `/incident help`, and to any word the bot does not know. */
export function helpText(command: string, unknownWord?: string, context?: HelpContext): string {
  // The unknown word is whatever was typed: escaped, and its backticks dropped so it stays in its code span.
  const intro = unknownWord
    ? `I don't know \`${command} ${inline(unknownWord.replace(/`/g, ''), 100)}\`. Here is what I can do:`
    : 'Here is what I can do:';
  return [
    intro,
    ...general(command),
    ...(context?.incident ? here(command, context.incident, context.userId) : outside()),
  ].join('\n');
}

/** What the person can do in this incident, right now: what help adds in an incident channel. */
export const hereHelp = (command: string, state: OpenedIncident, userId: string): string =>
  here(command, state, userId).join('\n');

// Placeholders are written escaped: a bare `<title>` is a Slack control sequence, not text.
const general = (command: string) => [
  `• \`${command} open &lt;title&gt;\`: open an incident now with its own channel (or \`${command} open\` for the triage form)`,
  `• \`${command} stats\`: how incident response went over the last 30 and 90 days`,
  `• \`${command} runbook [&lt;service&gt; &lt;https://…&gt;]\`: list the runbooks, or record one for a service`,
  `• \`${command} help\`: this list`,
  'In an incident channel:',
  `• \`${command} status\`: the incident at a glance, just for you`,
  `• \`${command} hypothesis &lt;text&gt;\`: propose a cause`,
  `• \`${command} action &lt;text&gt; [@owner]\`: start an action (kept as proposed during the diagnosis hold)`,
  `• \`${command} note &lt;text&gt;\`: add a note to the timeline`,
  `• \`${command} decision\`: record what we chose, why, and what would change our mind`,
  `• \`${command} severity SEV1..SEV4 &lt;reason&gt;\`: change the severity`,
  `• \`${command} service &lt;name&gt;\`: name or change the affected service`,
  `• \`${command} update\`: draft and post a stakeholder update`,
  `• \`${command} timers\`: every pending timer: when, why, what cancels it`,
  `• \`${command} escalate [reason]\`: escalate now: page the senior engineer and tell the VP, as the escalation policy says for this severity`,
  `• \`${command} resolve\`: resolve, with a summary (commander)`,
  `• \`${command} reopen &lt;reason&gt;\`: reopen a resolved incident that came back (commander)`,
  `• \`${command} postmortem\`: record the postmortem meeting and its three follow-ups (after resolving)`,
  `• \`${command} postmortem export\`: send the final postmortem record again, here (once recorded)`,
];

const outside = () => ['Outside an incident channel, subcommands list your open incidents.'];

function here(command: string, state: OpenedIncident, userId: string): string[] {
  const mine = ROLES.filter((role) => state.roles[role] === userId).map((role) =>
    ROLE_LABELS[role].toLowerCase(),
  );
  const lines = [`*Here, in ${incidentRef(state.number)}:*`];
  lines.push(
    mine.length > 0
      ? `You are ${mine.join(' and ')}.`
      : 'You hold no role here; take one from the buttons on the pinned header.',
  );
  if (state.roles.commander === null)
    lines.push(
      'Nobody is commander yet: until someone takes it, anyone may resolve, lift the hold or change the severity.',
    );
  const can = [
    permits(state, userId, 'lift_hold') && 'hold' in state && state.hold.state === 'active'
      ? 'lift the diagnosis hold (header button)'
      : null,
    permits(state, userId, 'change_severity')
      ? `change the severity (\`${command} severity\` or the header)`
      : null,
  ].filter((x): x is string => x !== null);
  if (can.length > 0) lines.push(`You can ${can.join(', and ')}.`);
  return lines;
}
