import type { Button, KnownBlock } from '@slack/types';
import { type IncidentContext, NO_CONTEXT } from '../../../app/incident-context.js';
import {
  type IncidentState,
  isActive,
  nextUpdateDue,
  OPEN_STATUSES,
  ROLES,
  type Role,
  SEVERITIES,
  type TimerPolicy,
  timersFor,
} from '../../../domain/index.js';
import { FIELD_TEXT_MAX, inline, plainText, slackDate, userMention } from './format.js';
import { workBlocks } from './header-work.js';
import { incidentContextBlocks } from './incident-context.js';
import { incidentRef, ROLE_DUTIES, ROLE_LABELS, severityLabel, statusLabel } from './labels.js';
import { RECORD_POSTMORTEM_ACTION } from './postmortem-messages.js';
import { serviceButton } from './service-modal.js';
import { nextTimerLine } from './timers.js';

type Opened = Exclude<IncidentState, { status: 'none' }>;

export const TAKE_ROLE_ACTION = 'role.take';
/** Prefix of the user pickers' action ids: `role.assign.commander`, …; the holder's pick is a hand-off. */
export const ASSIGN_ROLE_ACTION_PREFIX = 'role.assign.';
export const LIFT_HOLD_ACTION = 'hold.lift';
export const ADD_HYPOTHESIS_ACTION = 'hypothesis.add';
export const ADD_ACTION_ACTION = 'action.add';
export const SET_STATUS_ACTION = 'status.set';
export const SET_SEVERITY_ACTION = 'severity.set';
export const CLASSIFY_ACTION = 'severity.classify';
export const RESOLVE_ACTION = 'incident.resolve';
export const POST_UPDATE_ACTION = 'update.post';

/** What the header needs besides the state: the update cadence and the slash command's name. */
export interface HeaderOptions {
  readonly policy: TimerPolicy;
  readonly command: string;
}

export interface HeaderMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/**
 * The pinned header: the live summary of the incident, re-rendered from state on every change
 * and updated in place.
 */
export function renderHeader(
  state: Opened,
  options: HeaderOptions,
  /** The service's runbook and what broke before on it, when the app found any. */
  context: IncidentContext = NO_CONTEXT,
): HeaderMessage {
  const ref = incidentRef(state.number);
  const drill = state.drill ? '[DRILL] ' : '';
  // The fallback is what notifications show: escaped like the blocks, the title cut to a line.
  const text = `${drill}${ref} ${inline(state.title, TITLE_SHOWN)}: ${statusLabel(state.status)}, severity ${severityLabel(state.severity)}`;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { ...plainText(`${drill}${ref} · ${state.title}`, 150), emoji: true } },
    {
      type: 'section',
      block_id: 'summary',
      fields: [
        { type: 'mrkdwn', text: `*Severity*\n${severityLabel(state.severity)}` },
        { type: 'mrkdwn', text: `*Status*\n${statusLabel(state.status)}` },
        {
          type: 'mrkdwn',
          text: `*Service*\n${state.service ? inline(state.service, SERVICE_SHOWN) : 'Not named yet'}`,
        },
        { type: 'mrkdwn', text: `*Diagnosis hold*\n${holdLine(state)}` },
      ],
      ...serviceAccessory(state),
    },
    {
      type: 'context',
      block_id: 'clock',
      elements: [{ type: 'mrkdwn', text: clockLine(state, options.policy) }],
    },
    ...incidentContextBlocks(context, state.service),
    ...ROLES.map((role) => roleBlock(role, state.roles[role])),
    assignBlock(),
    { type: 'divider' },
    ...workBlocks(state, options.command),
    ...quickButtons(state),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Opened by ${userMention(state.reporter)} ${slackDate(state.openedAt, '{date_short_pretty} at {time}')}${state.private ? ' · private' : ''}`,
        },
      ],
    },
  ];
  return { text, blocks };
}

function serviceAccessory(state: Opened): { accessory: Button } | Record<string, never> {
  const button = serviceButton(state);
  return button ? { accessory: button } : {};
}

/** How much of the title the fallback shows, and of the service its field shows (under Slack's 2,000). */
const TITLE_SHOWN = 300;
const SERVICE_SHOWN = Math.min(200, FIELD_TEXT_MAX);

function holdLine(state: Opened): string {
  if (!('hold' in state)) return 'Over';
  const hold = state.hold;
  switch (hold.state) {
    case 'off':
      return 'Off';
    case 'active':
      return `Until ${slackDate(hold.endsAt)}: hypotheses and notes only`;
    case 'ended':
      return `Ended ${slackDate(hold.endsAt)}`;
    case 'lifted':
      return `Lifted by ${userMention(hold.by)} ${slackDate(hold.liftedAt)}`;
  }
}

function roleBlock(role: Role, holder: string | null): KnownBlock {
  const label = ROLE_LABELS[role];
  if (holder) {
    return {
      type: 'section',
      block_id: `role.${role}`,
      text: { type: 'mrkdwn', text: `*${label}*: ${userMention(holder)}` },
    };
  }
  return {
    type: 'section',
    block_id: `role.${role}`,
    text: { type: 'mrkdwn', text: `*${label}*: nobody yet (${ROLE_DUTIES[role]})` },
    accessory: {
      type: 'button',
      action_id: TAKE_ROLE_ACTION,
      text: { type: 'plain_text', text: `Take ${role}`, emoji: true },
      value: role,
      ...(role === 'commander' ? { style: 'primary' as const } : {}),
    },
  };
}

function clockLine(state: Opened, policy: TimerPolicy): string {
  const due = isActive(state) ? nextUpdateDue(state, policy) : null;
  const update = due ? `Next stakeholder update due ${slackDate(due)}` : 'No stakeholder update due';
  const escalation = state.escalatedAt ? `escalated ${slackDate(state.escalatedAt)}` : 'not escalated';
  const resolved =
    state.status === 'resolved' || state.status === 'closed'
      ? ` · resolved ${slackDate(state.resolution.at)}`
      : '';
  const next = nextTimerLine(timersFor(state, policy));
  return `${update} · ${escalation}${resolved}${next ? ` · ${next}` : ''}`;
}

/** Quick buttons for what people most often need next; only those that apply now. */
function quickButtons(state: Opened): KnownBlock[] {
  if (state.status === 'resolved' && state.resolution.postmortemRequired)
    return [
      {
        type: 'actions',
        block_id: 'quick',
        elements: [
          {
            type: 'button',
            action_id: RECORD_POSTMORTEM_ACTION,
            style: 'primary',
            text: { type: 'plain_text', text: 'Record the postmortem', emoji: true },
          },
        ],
      },
    ];
  if (!isActive(state)) return [];
  const button = (actionId: string, text: string) => ({
    type: 'button' as const,
    action_id: actionId,
    text: { type: 'plain_text' as const, text, emoji: true },
  });
  const buttons = [button(ADD_HYPOTHESIS_ACTION, 'Add hypothesis'), button(ADD_ACTION_ACTION, 'Add action')];
  if (state.hold.state === 'active') buttons.push(button(LIFT_HOLD_ACTION, 'Lift diagnosis hold'));
  if (state.severity === 'pending') buttons.push(button(CLASSIFY_ACTION, 'Classify severity'));
  buttons.push(button(POST_UPDATE_ACTION, 'Post update'), button(RESOLVE_ACTION, 'Resolve'));
  const option = (value: string, text: string) => ({ value, text: { type: 'plain_text' as const, text } });
  const statuses = OPEN_STATUSES.map((status) => option(status, statusLabel(status)));
  const severities = SEVERITIES.map((severity) => option(severity, severity));
  const currentSeverity = severities.find((o) => o.value === state.severity);
  return [
    { type: 'actions', block_id: 'quick', elements: buttons },
    {
      type: 'actions',
      block_id: 'state',
      elements: [
        {
          type: 'static_select',
          action_id: SET_STATUS_ACTION,
          placeholder: { type: 'plain_text', text: 'Status' },
          options: statuses,
          initial_option: option(state.status, statusLabel(state.status)),
        },
        {
          type: 'static_select',
          action_id: SET_SEVERITY_ACTION,
          placeholder: { type: 'plain_text', text: 'Change severity' },
          options: severities,
          ...(currentSeverity ? { initial_option: currentSeverity } : {}),
        },
      ],
    },
  ];
}

/** One user picker per role: assign it to someone, or (for its holder) hand it off. */
function assignBlock(): KnownBlock {
  return {
    type: 'actions',
    block_id: 'assign',
    elements: ROLES.map((role) => ({
      type: 'users_select' as const,
      action_id: `${ASSIGN_ROLE_ACTION_PREFIX}${role}`,
      placeholder: { type: 'plain_text' as const, text: `Assign or hand off ${role}` },
    })),
  };
}
