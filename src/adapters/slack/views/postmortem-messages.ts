import type { KnownBlock } from '@slack/types';
import { AGENDA } from '../../../domain/drafts/postmortem.js';
import {
  type ClosedIncident,
  DETECTION_LABELS,
  duration,
  type FollowUp,
  type HoldFigures,
  type PostmortemDraft,
  type ResolvedIncident,
} from '../../../domain/index.js';
import {
  channelMention,
  clip,
  contextLine,
  inline,
  inlineRich,
  mrkdwnSection,
  paragraph,
  plainText,
  type SlackMessage,
  slackDate,
  slackMessage,
  userMention,
} from './format.js';
import { incidentRef, severityLabel } from './labels.js';
import { reopenButton } from './reopen-modal.js';

export const RECORD_POSTMORTEM_ACTION = 'postmortem.record';
export const FOLLOW_UP_DONE_ACTION = 'followup.done';
export const FOLLOW_UP_DROP_ACTION = 'followup.drop';

/** Timeline lines shown in the summary message; the file has every one. */
const TIMELINE_PREVIEW = 8;
/**
 * How much of each piece of people's text these messages show. A message fails past ~12,000
 * characters of blocks, so the pieces share that: the file and the incident channel have the rest.
 */
const TITLE_SHOWN = 300;
const SUMMARY_SHOWN = 1500;
const ENTRY_SHOWN = 300;
const ANSWER_SHOWN = 2000;
const FOLLOW_UP_SHOWN = 300;

const ms = (value: number | null): string => (value === null ? '—' : duration(value));

/** Said in the incident channel when it is resolved. */
export function resolutionMessage(
  state: ResolvedIncident | ClosedIncident,
  postmortemDueAt: string | null,
): SlackMessage {
  const r = state.resolution;
  const impact = r.impactEndedAt
    ? ` Customer impact ended ${slackDate(r.impactEndedAt, '{date_short_pretty} at {time}')}.`
    : '';
  const postmortem = postmortemDueAt
    ? ` The postmortem is due ${slackDate(postmortemDueAt, '{date_short_pretty} at {time}')}; its draft is on its way.`
    : ' No postmortem was asked for.';
  const text = `:white_check_mark: ${incidentRef(state.number)} resolved by ${userMention(r.by)}: ${paragraph(r.summary, SUMMARY_SHOWN)}.${impact}${postmortem}`;
  // If it comes back, it is worked again here, with its history: one click, with a reason.
  return slackMessage(text, [mrkdwnSection(text), reopenButton()]);
}

/** The button that opens the postmortem modal, wherever the incident is talked about. */
export function recordPostmortemButton(incidentId: string): KnownBlock {
  return {
    type: 'actions',
    block_id: 'postmortem.record',
    elements: [
      {
        type: 'button',
        action_id: RECORD_POSTMORTEM_ACTION,
        style: 'primary',
        text: { type: 'plain_text', text: 'Record the postmortem' },
        value: incidentId,
      },
    ],
  };
}

/**
 * The postmortem draft's summary message: the key facts at a glance. The complete draft, every
 * section and every timeline entry, is the Markdown file posted in its thread.
 */
export function postmortemSummaryMessage(
  draft: PostmortemDraft,
  incidentId: string,
  channelId: string | null,
): SlackMessage {
  const ref = `${incidentRef(draft.number)}${draft.drill ? ' (drill)' : ''}`;
  const p = draft.process;
  const title = inline(draft.title, TITLE_SHOWN);
  const text = `Postmortem draft for ${ref}: ${title}`;
  const keyTimes = draft.keyTimes
    .map((k) => `• ${k.label}: ${k.at ? slackDate(k.at, '{date_short_pretty} {time}') : '—'}`)
    .join('\n');
  const timeline = draft.timeline
    .slice(0, TIMELINE_PREVIEW)
    .map((e) => `• ${slackDate(e.at)} ${userMention(e.who)}: ${inlineRich(e.parts, ENTRY_SHOWN)}`);
  if (draft.timeline.length > TIMELINE_PREVIEW)
    timeline.push(`…and ${draft.timeline.length - TIMELINE_PREVIEW} more entries in the full draft below.`);
  return slackMessage(text, [
    { type: 'header', text: plainText(`Postmortem draft: ${ref}`, 150) },
    mrkdwnSection(
      `*${title}*${channelId ? ` · ${channelMention(channelId)}` : ''}\n${paragraph(draft.summary, SUMMARY_SHOWN)}`,
    ),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Severity*\n${severityLabel(draft.severity)}` },
        { type: 'mrkdwn', text: `*Duration*\n${ms(draft.durationMs)}` },
        { type: 'mrkdwn', text: `*Time to commander*\n${ms(p.timeToCommanderMs)}` },
        {
          type: 'mrkdwn',
          text: `*Customer impact*\n${ms(draft.impactTimes?.timeToMitigateMs ?? null)}, detected after ${ms(draft.impactTimes?.timeToDetectMs ?? null)}`,
        },
        {
          type: 'mrkdwn',
          text: `*Detected by*\n${draft.detection ? capitalised(DETECTION_LABELS[draft.detection.source]) : 'Not recorded'}`,
        },
        { type: 'mrkdwn', text: `*Escalated*\n${p.escalatedAt ? slackDate(p.escalatedAt) : 'No'}` },
        { type: 'mrkdwn', text: `*Diagnosis hold*\n${holdField(p.hold)}` },
        {
          type: 'mrkdwn',
          text: `*Stakeholder updates*\n${p.updatesPosted}, longest gap ${ms(p.longestUpdateGapMs)}`,
        },
      ],
    },
    mrkdwnSection(`*Key times*\n${keyTimes}`),
    mrkdwnSection(
      `*What we learned*\n• Confirmed: ${draft.hypothesesConfirmed.map((h) => inline(h.text, ENTRY_SHOWN)).join('; ') || 'nothing confirmed'}\n• Ruled out: ${draft.hypothesesRuledOut.length}\n• Decisions: ${draft.decisions.length}\n• Actions: ${draft.actions.length}`,
    ),
    mrkdwnSection(`*Timeline* (${draft.timeline.length} entries)\n${timeline.join('\n')}`),
    mrkdwnSection(
      `*Agenda (blameless)*\n${AGENDA.map((q, i) => `${i + 1}. ${q}`).join('\n')}\nThen agree exactly three follow-ups, ranked by impact.`,
    ),
    recordPostmortemButton(incidentId),
    contextLine('The complete draft, with every section, is the Markdown file in this thread.'),
  ]);
}

/** The hold in a field: how it ended, and what became of the actions proposed during it. */
function holdField(hold: HoldFigures): string {
  if (hold.state === 'off') return 'None';
  const how =
    hold.lifted !== null
      ? `Lifted early by ${userMention(hold.lifted.by)}`
      : hold.state === 'running'
        ? 'Still running'
        : 'Ran its course';
  const started = hold.startedBeforePlannedEnd + hold.startedAfter;
  return `${how}\n${hold.proposedDuringHold} proposed during it, ${started} started`;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The postmortem as recorded: the answers and the three follow-ups, each with done / drop. */
export function postmortemRecordMessage(state: ClosedIncident, incidentId: string): SlackMessage {
  const ref = incidentRef(state.number);
  const a = state.postmortem.answers;
  // One section per answer, so a long answer is cut on its own instead of cutting the ones after it.
  const answers = [
    [AGENDA[0], a.whatHappened],
    [AGENDA[1], a.whyNotDetectedSooner],
    [AGENDA[2], a.whyResponseTookSoLong],
    [AGENDA[3], a.whatWeChange],
  ].map(([q, answer]) => mrkdwnSection(`*${q}*\n${paragraph(answer ?? '', ANSWER_SHOWN)}`));
  const followUps = [...state.followUps].sort((x, y) => x.rank - y.rank);
  const title = inline(state.title, TITLE_SHOWN);
  return slackMessage(`Postmortem recorded for ${ref}: ${title}`, [
    mrkdwnSection(
      `:white_check_mark: *Postmortem recorded for ${ref}: ${title}* by ${userMention(state.postmortem.by)}. The incident is closed.`,
    ),
    ...answers,
    mrkdwnSection('*Follow-ups*'),
    ...followUps.slice(0, RECORD_FOLLOW_UPS).flatMap((f) => followUpBlocks(incidentId, f)),
    ...(followUps.length > RECORD_FOLLOW_UPS
      ? [contextLine(`…and ${followUps.length - RECORD_FOLLOW_UPS} more follow-ups.`)]
      : []),
    contextLine(
      'The final record, every section with its answer, is the Markdown file in the draft’s thread.',
    ),
  ]);
}

/** The domain records exactly three; more would only come from a bug, and must not break the message. */
const RECORD_FOLLOW_UPS = 5;

/** One follow-up with its state and, while open, the buttons its owner needs. */
export function followUpBlocks(incidentId: string, followUp: FollowUp, prefix = ''): KnownBlock[] {
  const state =
    followUp.status === 'open'
      ? `due ${inline(followUp.due, 30)}`
      : followUp.status === 'done'
        ? 'done'
        : `dropped: ${inline(followUp.dropReason ?? '', FOLLOW_UP_SHOWN)}`;
  const text = `${prefix}#${followUp.rank} ${inline(followUp.title, FOLLOW_UP_SHOWN)}${followUp.control ? ' _(control)_' : ''}${followUp.runbook ? ' _(runbook)_' : ''} · ${userMention(followUp.owner)} · ${state}`;
  if (followUp.status !== 'open') return [mrkdwnSection(text)];
  const value = `${incidentId}|${followUp.id}`;
  return [
    mrkdwnSection(text),
    {
      type: 'actions',
      block_id: clip(`followup.${followUp.id}`, 255),
      elements: [
        {
          type: 'button',
          action_id: FOLLOW_UP_DONE_ACTION,
          text: { type: 'plain_text', text: 'Mark done' },
          style: 'primary',
          value,
        },
        {
          type: 'button',
          action_id: FOLLOW_UP_DROP_ACTION,
          text: { type: 'plain_text', text: 'Drop…' },
          value,
        },
      ],
    },
  ];
}
