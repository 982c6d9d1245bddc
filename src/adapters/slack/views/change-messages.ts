import type { NoticedChange } from '../../../app/effects.js';
import {
  humanDuration,
  type IncidentState,
  millisecondsBetween,
  type RoleAssignment,
  type Severity,
  type SeverityOrPending,
} from '../../../domain/index.js';
import { button, buttonRow, draftUpdateButton } from './buttons.js';
import { roundToMinute } from './durations.js';
import {
  contextLine,
  inline,
  mrkdwnSection,
  type SlackMessage,
  slackMessage,
  userMention,
} from './format.js';
import { TAKE_ROLE_ACTION } from './header.js';
import { incidentRef } from './labels.js';

type Opened = Exclude<IncidentState, { status: 'none' }>;

/** How much of people's words a one-line notice shows; the timeline has the rest. */
const REASON_SHOWN = 300;
const SERVICE_SHOWN = 80;

/**
 * One line in the incident channel for a change everyone working it should know about: who did
 * what. Roles, severity, status and the service only change in the header otherwise, and a header
 * that silently changes is how a room ends up with two people who think they are in charge.
 */
export function changeNoticeMessage(state: Opened, change: NoticedChange): SlackMessage {
  const text = `${incidentRef(state.number)}: ${noticeLine(change)}`;
  return slackMessage(text, [contextLine(noticeLine(change))]);
}

export function noticeLine(change: NoticedChange): string {
  const by = userMention(change.by);
  switch (change.type) {
    case 'RoleAssigned':
      return roleLine(change.role, change.userId, change.previous, change.via, change.by);
    case 'RoleReleased':
      return `${change.by === change.userId ? `${by} stepped down as ${change.role}` : `${by} released ${userMention(change.userId)} from ${change.role}`}${freeRole(change.role)}`;
    case 'SeverityChanged':
      return `Severity ${severityWord(change.from)} → ${change.to} by ${by}: ${inline(change.reason, REASON_SHOWN)}.`;
    case 'StatusChanged':
      return `Status: ${change.from} → ${change.to} by ${by}${change.note ? `: ${inline(change.note, REASON_SHOWN)}` : ''}.`;
    case 'IncidentReopened':
      return `Reopened by ${by}: ${inline(change.reason, REASON_SHOWN)}. The incident is investigating again, and the escalation clock restarts.`;
    case 'ServiceSet':
      return change.from
        ? `Service changed from ${serviceWord(change.from)} to ${serviceWord(change.to)} by ${by}.`
        : `Service named ${serviceWord(change.to)} by ${by}.`;
  }
}

function roleLine(
  role: string,
  holder: string,
  previous: string | null,
  via: RoleAssignment,
  by: string,
): string {
  switch (via) {
    case 'took':
      return `${userMention(holder)} took the ${role} role.`;
    case 'handed_off':
      return `${userMention(by)} handed ${role} to ${userMention(holder)}.`;
    case 'assigned':
      return previous
        ? `${userMention(by)} moved ${role} from ${userMention(previous)} to ${userMention(holder)}.`
        : `${userMention(by)} made ${userMention(holder)} ${role}.`;
  }
}

const freeRole = (role: string): string =>
  role === 'commander'
    ? '. Nobody is in command now: someone take it from the pinned header.'
    : '; the role is free.';

const severityWord = (severity: SeverityOrPending): string =>
  severity === 'pending' ? 'pending' : (severity satisfies Severity);

const serviceWord = (service: string): string => `*${inline(service, SERVICE_SHOWN)}*`;

/**
 * At a new stage stakeholders should hear of it: the communicator (or the commander, while nobody
 * is communicator) is asked in the channel, with the button that opens the update draft for it.
 */
export function stagePromptMessage(state: Opened, to: string, recipient: string | null): SlackMessage {
  const stage = `${incidentRef(state.number)} is now *${to}*`;
  const who = recipient
    ? `${userMention(recipient)}: ${stage}.`
    : `${stage}, and nobody is communicator or commander to tell stakeholders.`;
  const text = `${who} Post an update for this stage? The draft is written for it; you edit it before it goes out.`;
  return slackMessage(text, [
    mrkdwnSection(`:mega: ${text}`),
    buttonRow('stage.prompt', draftUpdateButton()),
  ]);
}

/** Nobody took command in time: the channel is asked, once, with the button that takes it. */
export function commanderNudgeMessage(state: Opened): SlackMessage {
  const after = roundToMinute(millisecondsBetween(state.openedAt, state.commanderNudgedAt ?? state.openedAt));
  const text = `Nobody has taken command of ${incidentRef(state.number)} yet, ${humanDuration(after)} after it opened. The commander coordinates rather than fixes: one person who decides what is tried next and makes sure stakeholders hear. Who will take it? *Take command* below, or assign someone from the pinned header.`;
  return slackMessage(text, [
    mrkdwnSection(`:raising_hand: ${text}`),
    buttonRow('commander.nudge', button(TAKE_ROLE_ACTION, 'Take command', 'commander', true)),
  ]);
}
