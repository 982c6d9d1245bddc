import {
  type EscalationBrief,
  escalationSeverity,
  humanDuration,
  SYSTEM_ACTOR,
  type TriageAnswers,
} from '../../../domain/index.js';
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

/** How much of people's words each line shows: the channel and the timeline have the rest. */
const TITLE_SHOWN = 150;
const ITEM_SHOWN = 250;
const UPDATE_SHOWN = 700;
const REASON_SHOWN = 500;
const RULED_OUT_SHOWN = 10;

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
    [headline, pagedLine(brief, paged), ...beyondPolicyLine(brief)].join('\n'),
    factLines(brief).join('\n'),
    `*What is asked of you*: ${askOfSenior(brief, channelId)}`,
  ];
  const who = brief.drill ? DRILL_LABEL : paged.map(userMention).join(' ');
  return slackMessage(
    `${incidentRef(brief.number)} needs a senior engineer: ${inline(brief.title, TITLE_SHOWN)}. ${who}`.trim(),
    sections.map(mrkdwnSection),
  );
}

function pagedLine(brief: EscalationBrief, paged: readonly string[]): string {
  if (brief.drill) {
    const commander = brief.commander ? `${userMention(brief.commander)}: i` : 'I';
    return `*${DRILL_LABEL}* ${commander}n a real incident this would page the senior engineer (ESCALATION_SENIOR) into this channel; nobody was paged.`;
  }
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
    ...ruledOutLines(brief.ruledOut),
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
  const opened = slackDate(brief.openedAt, '{date_short_pretty} at {time}');
  const since = brief.reopenedAt
    ? `after it was reopened (${slackDate(brief.reopenedAt, '{time}')})`
    : 'after it opened';
  switch (brief.status) {
    case 'investigating':
      return `investigating, the cause not yet known; unresolved ${open} ${since} (opened ${opened}).`;
    case 'identified':
      return `the likely cause is identified and being fixed; unresolved ${open} ${since} (opened ${opened}).`;
    case 'monitoring':
      return `recovering, monitoring a fix; escalated ${open} ${since} (opened ${opened}).`;
    default:
      return `resolved${brief.resolvedAt ? ` at ${slackDate(brief.resolvedAt, '{time}')}` : ''}; it had been open ${open} when it escalated (opened ${opened}).`;
  }
}

function severityLine(brief: EscalationBrief): string {
  if (brief.severity !== 'pending') return brief.severity;
  return `${severityLabel(brief.severity)} (escalated as ${escalationSeverity(brief.severity)} until triage says otherwise)`;
}

function impactLine(brief: EscalationBrief): string {
  const who = triageWords(brief.triage);
  const { impact } = brief;
  if (impact.state === 'ended') {
    const when = impact.exact
      ? `Ended at ${slackDate(impact.at, '{time}')}.`
      : `Ended by ${slackDate(impact.at, '{time}')}, when the incident was resolved.`;
    return `${who} ${when}`;
  }
  if (impact.state === 'fix-monitored')
    return `${who} A fix has been in place since ${slackDate(impact.since, '{time}')}; the team is confirming that impact has ended.`;
  if (brief.triage?.customerImpact === 'none') return who;
  return `${who} Ongoing since at least ${slackDate(impact.since, '{time}')}, when the incident opened.`;
}

/** Who is affected and how, from the triage answers, as a sentence. */
function triageWords(triage: TriageAnswers | null): string {
  if (!triage) return 'Not assessed yet (the triage questions are unanswered).';
  if (triage.customerImpact === 'none') return 'None known.';
  const parts = [
    triage.customerImpact === 'most'
      ? 'Most or all customers'
      : 'Some customers (a region, a feature, a minority)',
  ];
  if (triage.criticalPathDown) parts.push('a critical path is down');
  if (triage.dataAtRisk) parts.push('customer data is at risk');
  parts.push(triage.workaroundExists ? 'they can work around it' : 'no workaround');
  return `${parts.join('; ')}.`;
}

function lastUpdateLine(brief: EscalationBrief): string {
  if (!brief.lastUpdate) return 'no update posted yet.';
  return `${slackDate(brief.lastUpdate.at, '{time}')}, “${inline(brief.lastUpdate.text, UPDATE_SHOWN)}”`;
}

/** What was ruled out, each with its evidence: what a newcomer must not spend time on again. */
export function ruledOutLines(ruledOut: EscalationBrief['ruledOut']): string[] {
  if (ruledOut.length === 0) return ['*Ruled out*: nothing yet.'];
  const lines = ruledOut
    .slice(0, RULED_OUT_SHOWN)
    .map(
      (h) =>
        `• ${inline(h.text, ITEM_SHOWN)}: ${h.evidence ? inline(h.evidence, ITEM_SHOWN) : '_no evidence recorded_'}`,
    );
  if (ruledOut.length > RULED_OUT_SHOWN)
    lines.push(`• …and ${ruledOut.length - RULED_OUT_SHOWN} more in \`/incident status\``);
  return [`*Ruled out* (${ruledOut.length}):`, ...lines];
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
  return `Nothing specific yet: ${userMention(escalation.by)} escalated without giving a reason and will say in ${channelLink(channelId)} if a decision is needed from you.`;
}

function askOfSenior(brief: EscalationBrief, channelId: string | null): string {
  const { escalation } = brief;
  const help = brief.commander ? `help the commander, ${userMention(brief.commander)},` : 'help';
  const join = `join ${channelLink(channelId)} and ${help}`;
  const lead = brief.commander
    ? ''
    : ' Nobody is commander yet: take the role on the pinned header if you will lead.';
  if (escalation.by !== SYSTEM_ACTOR && escalation.reason)
    return `${join} with what ${userMention(escalation.by)} asked: “${inline(escalation.reason, REASON_SHOWN)}”${lead}`;
  const task =
    brief.status === 'monitoring'
      ? 'confirm that the fix holds'
      : brief.status === 'identified'
        ? 'fix the likely cause'
        : 'find the cause; start from what is ruled out above';
  return `${join} ${task}.${lead}`;
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

/** Whole minutes read better; short test durations keep their seconds. */
const roundToMinute = (ms: number): number =>
  ms < 60_000 ? Math.round(ms / 1000) * 1000 : Math.round(ms / 60_000) * 60_000;
