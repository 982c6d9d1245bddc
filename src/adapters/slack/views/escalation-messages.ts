import {
  type EscalationBrief,
  escalationSeverity,
  humanDuration,
  type Severity,
  SYSTEM_ACTOR,
} from '../../../domain/index.js';
import { roundToMinute } from './durations.js';
import {
  channelMention,
  inline,
  mrkdwnSection,
  type SlackMessage,
  slackDate,
  slackMessage,
  userMention,
} from './format.js';
import { incidentRef, severityLabel } from './labels.js';
import { ruledOutList } from './ruled-out.js';

/** How much of people's words each line shows: the channel and the timeline have the rest. */
const TITLE_SHOWN = 150;
const ITEM_SHOWN = 250;
const UPDATE_SHOWN = 700;
const REASON_SHOWN = 500;
const IMPACT_SHOWN = 400;

export const DRILL_LABEL = 'DRILL — no action needed.';

/**
 * The VP of Engineering's direct message: where the incident stands in plain words, what
 * customers feel, what stakeholders were last told, what is ruled out, who leads, and what is
 * asked of them. A drill's goes to its commander only, labelled.
 */
export function escalationBriefMessage(brief: EscalationBrief, channelId: string | null): SlackMessage {
  const asker = askedBy(brief);
  const headline = asker
    ? `*${asker} escalated ${incidentRef(brief.number)} to you*: ${inline(brief.title, TITLE_SHOWN)}`
    : `*${incidentRef(brief.number)} is escalated to you*: ${inline(brief.title, TITLE_SHOWN)}`;
  const sections = [
    ...(brief.drill
      ? [
          `*${DRILL_LABEL}* This is what the VP of Engineering would get in a real incident; only the commander receives it.`,
        ]
      : []),
    [headline, ...beyondPolicyLine(brief)].join('\n'),
    [...factLines(brief), `*Follow along*: ${channelLink(channelId)}`].join('\n'),
    `*What is asked of you*: ${askOfExec(brief, channelId)}`,
  ];
  return slackMessage(
    `${brief.drill ? `${DRILL_LABEL} ` : ''}${incidentRef(brief.number)} is escalated to you: ${inline(brief.title, TITLE_SHOWN)} (${severityLabel(brief.severity)}, ${statusWord(brief)})`,
    sections.map(mrkdwnSection),
  );
}

/**
 * Posted in the incident channel when the senior engineer is paged (invited, and mentioned here).
 * In a drill nobody is paged: the commander is mentioned instead, and the message says so.
 */
export function escalationPageMessage(
  brief: EscalationBrief,
  channelId: string | null,
  paged: readonly string[],
): SlackMessage {
  const asker = askedBy(brief);
  const headline = asker
    ? `:rotating_light: *${asker} escalated ${incidentRef(brief.number)} to the senior engineer*: ${inline(brief.title, TITLE_SHOWN)}`
    : `:rotating_light: *${incidentRef(brief.number)} needs a senior engineer*: ${inline(brief.title, TITLE_SHOWN)}`;
  const sections = [
    ...(brief.drill ? [drillPageLine(brief)] : []),
    [headline, ...(brief.drill ? [] : [pagedLine(paged)]), ...beyondPolicyLine(brief)].join('\n'),
    factLines(brief).join('\n'),
    `*What is asked of you*: ${askOfSenior(brief, channelId)}`,
  ];
  const who = brief.drill ? '' : ` ${paged.map(userMention).join(' ')}`;
  return slackMessage(
    `${brief.drill ? `${DRILL_LABEL} ` : ''}${incidentRef(brief.number)} needs a senior engineer: ${inline(brief.title, TITLE_SHOWN)}.${who}`.trim(),
    sections.map(mrkdwnSection),
  );
}

function drillPageLine(brief: EscalationBrief): string {
  const to = brief.commander ? `${userMention(brief.commander)}: this` : 'This';
  return `*${DRILL_LABEL}* ${to} is the page the senior engineer (ESCALATION_SENIOR) would get in a real incident; nobody was paged or invited.`;
}

function pagedLine(paged: readonly string[]): string {
  if (paged.length === 0)
    return 'Nobody is configured to page (ESCALATION_SENIOR is unset): the commander should call the senior engineer on call.';
  return `${paged.map(userMention).join(' ')}: you are paged in.`;
}

/** The facts both audiences need first, one line each. */
function factLines(brief: EscalationBrief): string[] {
  return [
    `*Status*: ${statusLine(brief)}`,
    `*Severity*: ${severityLine(brief)}`,
    `*Customer impact*: ${impactLine(brief)}`,
    `*Last stakeholder update*: ${lastUpdateLine(brief)}`,
    // What a newcomer must not spend time on again: the shared full list, with the evidence.
    ruledOutList(brief.ruledOut) || '*Ruled out*: nothing yet.',
    leadingLine(brief),
    `*Commander*: ${brief.commander ? userMention(brief.commander) : 'nobody yet (the role is free on the pinned header)'}`,
  ];
}

function statusWord(brief: EscalationBrief): string {
  switch (brief.status) {
    case 'investigating':
      return 'investigating';
    case 'identified':
      return 'cause identified';
    case 'monitoring':
      return 'recovering, monitoring a fix';
    default:
      return 'resolved';
  }
}

function statusLine(brief: EscalationBrief): string {
  const open = humanDuration(roundToMinute(brief.openForMs));
  const since = brief.reopenedAt
    ? `since it was reopened at ${slackDate(brief.reopenedAt, '{time}')} (first opened ${slackDate(brief.openedAt, '{date_short_pretty} at {time}')})`
    : `since ${slackDate(brief.openedAt, '{date_short_pretty} at {time}')}`;
  switch (brief.status) {
    case 'investigating':
      return `Investigating: the cause is not known yet. Unresolved for ${open}, ${since}.`;
    case 'identified':
      return `Cause identified, fix under way. Unresolved for ${open}, ${since}.`;
    case 'monitoring':
      return `Recovering, monitoring a fix. Open for ${open}, ${since}.`;
    default:
      return `Resolved${brief.resolvedAt ? ` at ${slackDate(brief.resolvedAt, '{time}')}` : ''}. It had been open for ${open} when it escalated, ${since}.`;
  }
}

const SEVERITY_MEANING: Readonly<Record<Severity, string>> = {
  SEV1: 'critical outage',
  SEV2: 'major',
  SEV3: 'minor',
  SEV4: 'minor anomaly',
};

function severityLine(brief: EscalationBrief): string {
  if (brief.severity !== 'pending') return `${brief.severity} (${SEVERITY_MEANING[brief.severity]})`;
  return `${severityLabel(brief.severity)}: escalated as ${escalationSeverity(brief.severity)} until triage says otherwise.`;
}

function impactLine(brief: EscalationBrief): string {
  const { impact, triage } = brief;
  if (!triage && impact.state === 'ongoing')
    return `Not assessed yet (the triage questions are unanswered); the incident has been open since ${slackDate(impact.since, '{time}')}.`;
  // Once a fix is in, who was affected is said in the past: nobody can yet say it is over.
  const who = triageWords(brief, impact.state === 'ongoing' ? 'present' : 'past');
  if (impact.state === 'ended') {
    const when = impact.exact
      ? `Ended at ${slackDate(impact.at, '{time}')}.`
      : `Ended by ${slackDate(impact.at, '{time}')}, when the incident was resolved.`;
    return `${who} ${when}`;
  }
  if (impact.state === 'fix-monitored')
    return `${who} A fix has been in place since ${slackDate(impact.since, '{time}')}; the team is confirming that impact has ended.`;
  if (triage?.customerImpact === 'none') return who;
  return `${who} Ongoing since at least ${slackDate(impact.since, '{time}')}, when the incident opened.`;
}

/** Who is (or was) affected and how: the updates' words, or that nobody has assessed it yet. */
function triageWords(brief: EscalationBrief, tense: 'present' | 'past'): string {
  if (!brief.triage) return 'Not assessed (the triage questions are unanswered).';
  return inline(brief.affected[tense], IMPACT_SHOWN);
}

function lastUpdateLine(brief: EscalationBrief): string {
  if (!brief.lastUpdate) return 'no update posted yet.';
  return `${slackDate(brief.lastUpdate.at, '{time}')}: “${inline(brief.lastUpdate.text, UPDATE_SHOWN)}”`;
}

function leadingLine(brief: EscalationBrief): string {
  if (!brief.leading) return '*Cause*: not found yet; no hypothesis is confirmed or being tested.';
  return brief.leading.confirmed
    ? `*Confirmed cause*: ${inline(brief.leading.text, ITEM_SHOWN)}`
    : `*Leading hypothesis* (being tested): ${inline(brief.leading.text, ITEM_SHOWN)}`;
}

function askOfExec(brief: EscalationBrief, channelId: string | null): string {
  const { escalation } = brief;
  const commander = brief.commander ? 'the commander' : 'whoever takes command';
  if (escalation.by === SYSTEM_ACTOR)
    return `Nothing is needed from you now; ${commander} will ask if a decision on customer communication is needed.`;
  if (escalation.reason)
    return `${userMention(escalation.by)} asks: “${inline(escalation.reason, REASON_SHOWN)}”`;
  return `Nothing is asked of you yet: ${userMention(escalation.by)} escalated without saying why. ${brief.commander ? 'The commander' : 'Whoever takes command'} will ask if a decision is needed; ${userMention(escalation.by)} can tell you more in ${channelLink(channelId)}.`;
}

function askOfSenior(brief: EscalationBrief, channelId: string | null): string {
  const { escalation, commander } = brief;
  const help = commander ? `help the commander, ${userMention(commander)}` : 'help';
  const join = `join ${channelLink(channelId)} and ${help}`;
  const lead = commander
    ? ''
    : ' Nobody is commander yet: take the role on the pinned header if you will lead.';
  if (escalation.by !== SYSTEM_ACTOR && escalation.reason) {
    // "help the commander, Dana, who asks: …"; "help the commander, Dana; Alex asks: …"; "help with what Alex asks: …".
    const asker = !commander
      ? ` with what ${userMention(escalation.by)} asks`
      : escalation.by === commander
        ? ', who asks'
        : `; ${userMention(escalation.by)} asks`;
    return `${join}${asker}: “${inline(escalation.reason, REASON_SHOWN)}”${lead}`;
  }
  const task =
    brief.status === 'monitoring'
      ? 'confirm that the fix holds'
      : brief.status === 'identified'
        ? 'fix the likely cause'
        : 'find the cause; start from what is ruled out above';
  return `${join}${commander ? ',' : ''} ${task}.${lead}`;
}

/** Who escalated by hand, as a mention; null when the policy's timer did. */
const askedBy = (brief: EscalationBrief): string | null =>
  brief.escalation.by === SYSTEM_ACTOR ? null : userMention(brief.escalation.by);

function beyondPolicyLine(brief: EscalationBrief): string[] {
  if (!brief.escalation.beyondPolicy) return [];
  return [
    `The escalation policy escalates nobody at ${escalationSeverity(brief.severity)}; ${userMention(brief.escalation.by)} asked, so both the senior engineer and the VP of Engineering are told.`,
  ];
}

const channelLink = (channelId: string | null): string =>
  channelId ? channelMention(channelId) : 'the incident channel';
