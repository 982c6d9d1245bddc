import type { KnownBlock, View } from '@slack/types';
import type { EarlierIncident } from '../../../app/commands/broke-before.js';
import { AGENDA, MEETING_SECTIONS, type MeetingSection } from '../../../domain/drafts/postmortem.js';
import type { PostmortemAnswers } from '../../../domain/index.js';
import { formModal, textInput } from './form.js';
import { clipMrkdwn, inline, userMention } from './format.js';
import { incidentRef } from './labels.js';

export const POSTMORTEM_MODAL = 'incident.postmortem';

/** The four agenda answers, by the block id each is typed into. */
export const ANSWER_BLOCKS: readonly (readonly [keyof PostmortemAnswers, string])[] = [
  ['whatHappened', AGENDA[0]],
  ['whyNotDetectedSooner', AGENDA[1]],
  ['whyResponseTookSoLong', AGENDA[2]],
  ['whatWeChange', AGENDA[3]],
];
export const FOLLOW_UP_RANKS = [1, 2, 3] as const;

/** The meeting's further sections, each optional, typed into `answer.<key>`. */
export const SECTION_BLOCKS = Object.entries(MEETING_SECTIONS) as [
  MeetingSection,
  (typeof MEETING_SECTIONS)[MeetingSection],
][];

/** An earlier incident on the same service, shown so the meeting sees the pattern. */
/**
 * The postmortem meeting's record: the four blameless agenda answers and exactly three follow-ups,
 * ranked by impact (one slot per rank). When the service broke before within 90 days, the modal
 * says so, lists what was promised then, and one follow-up must be a control.
 */
export function postmortemModal(
  metadata: { incidentId: string },
  incident: { number: number; title: string; service: string | null },
  earlier: readonly EarlierIncident[],
  /** The service's runbook, when one is recorded: the runbook question names it. */
  runbook: { readonly url: string } | null = null,
): View {
  return formModal({
    callbackId: POSTMORTEM_MODAL,
    title: `Postmortem ${incidentRef(incident.number)}`,
    submit: 'Record and close',
    metadata,
    blocks: [
      ...(earlier.length > 0 ? brokeBefore(incident.service ?? '', earlier) : []),
      ...ANSWER_BLOCKS.map(([id, question]) =>
        textInput({ blockId: `answer.${id}`, field: 'answer', label: question }),
      ),
      ...SECTION_BLOCKS.map(([id, section]) =>
        textInput({
          blockId: `answer.${id}`,
          field: 'answer',
          label: id === 'runbook' ? section.prompt : section.heading,
          hint:
            id === 'runbook'
              ? runbook
                ? `The runbook for ${incident.service ?? 'this service'}: ${runbook.url}`
                : `No runbook is recorded for ${incident.service ?? 'this service'}. Would one have helped?`
              : section.prompt,
          optional: true,
        }),
      ),
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Exactly three follow-ups*, ranked by impact: #1 matters most. Each needs a title, an owner and a due date.',
        },
      },
      ...FOLLOW_UP_RANKS.flatMap((rank) => followUpSlot(rank)),
    ],
  });
}

function followUpSlot(rank: 1 | 2 | 3): KnownBlock[] {
  return [
    textInput({
      blockId: `followup${rank}.title`,
      field: 'followUpTitle',
      label: `Follow-up #${rank}`,
      optional: true,
      multiline: false,
    }),
    {
      type: 'input',
      block_id: `followup${rank}.owner`,
      optional: true,
      label: { type: 'plain_text', text: `Owner of #${rank}` },
      element: { type: 'users_select', action_id: 'user' },
    },
    {
      type: 'input',
      block_id: `followup${rank}.due`,
      optional: true,
      label: { type: 'plain_text', text: `Due date of #${rank}` },
      element: { type: 'datepicker', action_id: 'date' },
    },
    {
      type: 'input',
      block_id: `followup${rank}.control`,
      optional: true,
      label: { type: 'plain_text', text: `Kind of #${rank}` },
      element: {
        type: 'checkboxes',
        action_id: 'control',
        options: [
          {
            text: { type: 'plain_text', text: 'A control: it prevents or detects this failure' },
            value: 'control',
          },
          {
            text: { type: 'plain_text', text: 'A runbook follow-up: it writes or fixes the runbook' },
            value: 'runbook',
          },
        ],
      },
    },
  ];
}

function brokeBefore(service: string, earlier: readonly EarlierIncident[]): KnownBlock[] {
  const lines = earlier.slice(0, 5).map((incident) => {
    if (!incident.visible)
      return '• An earlier private incident on this service (only the people who worked it can see it)';
    const head = `• *${incidentRef(incident.number)}* ${inline(incident.title, 200)}`;
    if (!incident.followUps) return `${head}: no postmortem recorded (${inline(incident.status, 30)})`;
    const followUps = incident.followUps
      .map(
        (f) =>
          `#${f.rank} ${inline(f.title, 200)} (${userMention(f.owner)}, ${f.status}${f.control ? ', control' : ''})`,
      )
      .join('; ');
    return `${head}: ${followUps}`;
  });
  return [
    {
      type: 'section',
      block_id: 'broke-twice',
      text: {
        type: 'mrkdwn',
        // The rule is the point of this section: the list is cut, never the rule after it.
        text: `${clipMrkdwn(`:repeat: *${inline(service, 200)} broke before* in the last 90 days. What was promised then:\n${lines.join('\n')}`, 2800)}\nAt least one follow-up below must be a *control* that prevents or detects this failure.`,
      },
    },
    { type: 'divider' },
  ];
}
