import { type IncidentContext, NO_CONTEXT } from '../../../app/incident-context.js';
import { type FollowUp, type IncidentState, SNOOZE_CHOICES } from '../../../domain/index.js';
import { draftUpdateButton } from './buttons.js';
import {
  channelMention,
  inline,
  mrkdwnSection,
  paragraph,
  type SlackMessage,
  slackDate,
  slackMessage,
  userMention,
} from './format.js';
import { incidentContextBlocks } from './incident-context.js';
import { incidentRef, severityLabel } from './labels.js';
import { followUpBlocks } from './postmortem-messages.js';
import { ruledOutList } from './ruled-out.js';

type Opened = Exclude<IncidentState, { status: 'none' }>;

export const SNOOZE_NUDGE_ACTION = 'update.snooze';
export { DRAFT_UPDATE_ACTION } from './buttons.js';

const LIST_LIMIT = 10;
/** How much of people's text each message shows; the header and the timeline have the rest. */
const TITLE_SHOWN = 300;
const ITEM_SHOWN = 250;
const UPDATE_SHOWN = 3000;

const channelLink = (channelId: string | null): string =>
  channelId ? channelMention(channelId) : 'its channel';

/** What the hold taught us, posted when it ends by timer: the commander now chooses what to do. */
export function holdSummaryMessage(state: Opened, context: IncidentContext = NO_CONTEXT): SlackMessage {
  const live = state.hypotheses.filter((h) => h.status !== 'ruled_out' && h.status !== 'withdrawn');
  const proposed = state.actions.filter((a) => a.status === 'proposed');
  const who = state.roles.commander ? userMention(state.roles.commander) : 'Whoever takes commander';
  const lines = [
    `*The diagnosis hold is over.* ${who}: choose what to act on. Proposed actions can be started from the header.`,
    `*Hypotheses* (${live.length}):\n${bullets(live.map((h) => `${inline(h.text, ITEM_SHOWN)} _(${h.status.replace('_', ' ')})_`)) || '_none recorded_'}`,
    `*Proposed actions* (${proposed.length}):\n${bullets(proposed.map((a) => `${inline(a.text, ITEM_SHOWN)}, owner ${userMention(a.owner)}`)) || '_none proposed_'}`,
  ];
  const ruledOut = ruledOutList(state.hypotheses);
  if (ruledOut) lines.push(ruledOut);
  return slackMessage(`${incidentRef(state.number)}: the diagnosis hold is over`, [
    ...lines.map(mrkdwnSection),
    ...incidentContextBlocks(context, state.service),
  ]);
}

/** The nudge for a due stakeholder update, with the buttons to write it now or later. */
export function updateNudgeMessage(state: Opened, recipient: string | null): SlackMessage {
  const who = recipient ? userMention(recipient) : 'Communicator';
  const since = state.updates.lastPostedAt
    ? `The last update went out ${slackDate(state.updates.lastPostedAt)}.`
    : 'No stakeholder update has gone out yet.';
  const text = `${who}: a stakeholder update for ${incidentRef(state.number)} is due. ${since}`;
  return slackMessage(text, [
    mrkdwnSection(`:mega: ${text}`),
    {
      type: 'actions',
      block_id: 'update.nudge',
      elements: [
        draftUpdateButton(),
        ...SNOOZE_CHOICES.map((m) => ({
          type: 'button' as const,
          action_id: `${SNOOZE_NUDGE_ACTION}.${m}`,
          text: { type: 'plain_text' as const, text: `Snooze ${m} min` },
          value: String(m),
        })),
      ],
    },
  ]);
}

/** A posted stakeholder update, as it reaches stakeholders and the incident channel. */
export function stakeholderUpdateMessage(state: Opened, text: string, by: string): SlackMessage {
  const title = `${state.drill ? '[DRILL] ' : ''}${incidentRef(state.number)} · ${inline(state.title, TITLE_SHOWN)}`;
  // The communicator's words are theirs, but still only words: a link or a mention in them is shown, not made.
  return slackMessage(`Update on ${incidentRef(state.number)}: ${paragraph(text, UPDATE_SHOWN)}`, [
    mrkdwnSection(`:mega: *Update: ${title}*`),
    mrkdwnSection(paragraph(text, UPDATE_SHOWN)),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Posted by ${userMention(by)} · severity ${severityLabel(state.severity)}`,
        },
      ],
    },
  ]);
}

export function postmortemReminderMessage(
  state: Extract<Opened, { status: 'resolved' | 'closed' }>,
  n: number,
  dueAt: string,
  channelId: string | null,
): SlackMessage {
  const ref = `${incidentRef(state.number)} (${inline(state.title, TITLE_SHOWN)})`;
  const when =
    n === 1
      ? `is due ${slackDate(dueAt, '{date_short_pretty} at {time}')}`
      : n === 2
        ? 'is due now'
        : `is overdue since ${slackDate(dueAt, '{date_short_pretty} at {time}')}`;
  return slackMessage(
    `:memo: The postmortem for ${ref} ${when}. Hold the meeting and record its answers and three follow-ups in ${channelLink(channelId)}.`,
  );
}

export function followUpReminderMessage(
  incidentId: string,
  state: Opened,
  followUp: FollowUp,
  which: 'before' | 'overdue',
): SlackMessage {
  const due = inline(followUp.due, 30);
  const when = which === 'before' ? `is due ${due}` : `was due ${due} and is still open`;
  const text = `:white_check_mark: Follow-up #${followUp.rank} from the ${incidentRef(state.number)} postmortem, "${inline(followUp.title, TITLE_SHOWN)}", ${when}.`;
  return slackMessage(text, [mrkdwnSection(text), ...followUpBlocks(incidentId, followUp).slice(1)]);
}

function bullets(items: readonly string[]): string {
  const shown = items.slice(0, LIST_LIMIT).map((item) => `• ${item}`);
  if (items.length > LIST_LIMIT) shown.push(`…and ${items.length - LIST_LIMIT} more in the header`);
  return shown.join('\n');
}
