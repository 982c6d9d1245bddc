import type { KnownBlock } from '@slack/types';
import type { Action, Hypothesis, OpenedIncident } from '../../../domain/index.js';
import { clip, inline, OPTION_VALUE_MAX, userMention } from './format.js';
import { ruledOutCompact } from './ruled-out.js';

/** How many hypotheses and actions the header lists before summarising the rest. */
export const HEADER_LIST_LIMIT = 6;
/**
 * How much of each listed hypothesis or action the header shows. Twelve full 3,000-character
 * sections would pass Slack's per-section limit yet fail the message (~12,000 characters of blocks);
 * `status` and the postmortem have the whole text.
 */
const ITEM_SHOWN = 500;

const HYPOTHESIS_ORDER: Readonly<Record<Hypothesis['status'], number>> = {
  confirmed: 0,
  testing: 1,
  proposed: 2,
  ruled_out: 3,
  withdrawn: 4,
};
const HYPOTHESIS_MARK: Readonly<Record<Hypothesis['status'], string>> = {
  confirmed: ':white_check_mark: confirmed',
  testing: ':mag: testing',
  proposed: ':thought_balloon: proposed',
  ruled_out: ':x: ruled out',
  withdrawn: ':leftwards_arrow_with_hook: withdrawn',
};

/** The menu on each listed hypothesis; option values are `<status>|<hypothesisId>`. */
export const MARK_HYPOTHESIS_ACTION = 'hypothesis.mark';
/** The menu on each open action; option values are `<op>|<actionId>`. */
export const MARK_ACTION_ACTION = 'action.mark';

/** Leading hypotheses (confirmed, then being tested, then proposed), each with its menu, and open actions. */
export function workBlocks(state: OpenedIncident, command: string): KnownBlock[] {
  const leading = state.hypotheses
    .filter((h) => h.status !== 'ruled_out' && h.status !== 'withdrawn')
    .sort((a, b) => HYPOTHESIS_ORDER[a.status] - HYPOTHESIS_ORDER[b.status]);
  const shown = leading.slice(0, HEADER_LIST_LIMIT);
  const ruledOut = ruledOutCompact(state.hypotheses);
  const withdrawn = state.hypotheses.filter((h) => h.status === 'withdrawn').length;
  const open = state.actions.filter((a) => a.status === 'in_progress' || a.status === 'proposed');
  const summary = [
    leading.length > shown.length
      ? `…and ${leading.length - shown.length} more: \`${command} status\` lists them.`
      : '',
    ruledOut ? `${ruledOut}.` : '',
    withdrawn > 0 ? `Withdrawn: ${withdrawn}.` : '',
  ].filter(Boolean);
  return [
    {
      type: 'section',
      block_id: 'hypotheses',
      text: {
        type: 'mrkdwn',
        text:
          shown.length > 0
            ? '*Leading hypotheses*'
            : '*Leading hypotheses*\nNo hypotheses yet. What do you suspect?',
      },
    },
    ...shown.map((h, i) => hypothesisBlock(h, i)),
    ...(summary.length > 0
      ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: summary.join(' ') }] }]
      : []),
    {
      type: 'section',
      block_id: 'actions',
      text: { type: 'mrkdwn', text: open.length > 0 ? '*Open actions*' : '*Open actions*\nNo open actions.' },
    },
    ...open.slice(0, HEADER_LIST_LIMIT).map((a, i) => actionBlock(a, i)),
    ...(open.length > HEADER_LIST_LIMIT
      ? [
          {
            type: 'context' as const,
            elements: [
              {
                type: 'mrkdwn' as const,
                text: `…and ${open.length - HEADER_LIST_LIMIT} more: \`${command} status\` lists them.`,
              },
            ],
          },
        ]
      : []),
  ];
}

function hypothesisBlock(h: Hypothesis, index: number): KnownBlock {
  const option = (status: string, text: string) => ({
    text: { type: 'plain_text' as const, text },
    value: clip(`${status}|${h.id}`, OPTION_VALUE_MAX),
  });
  const options =
    h.status === 'confirmed'
      ? [option('withdrawn', 'Withdraw confirmation…')]
      : [
          ...(h.status === 'proposed' ? [option('testing', 'Testing it')] : []),
          option('ruled_out', 'Ruled out…'),
          option('confirmed', 'Confirmed…'),
        ];
  return {
    type: 'section',
    block_id: `hypothesis.${index}`,
    text: {
      type: 'mrkdwn',
      text: `• ${inline(h.text, ITEM_SHOWN)} (${HYPOTHESIS_MARK[h.status]})`,
    },
    accessory: { type: 'overflow', action_id: MARK_HYPOTHESIS_ACTION, options },
  };
}

function actionBlock(a: Action, index: number): KnownBlock {
  const option = (op: string, text: string) => ({
    text: { type: 'plain_text' as const, text },
    value: clip(`${op}|${a.id}`, OPTION_VALUE_MAX),
  });
  const options = [
    ...(a.status === 'proposed' ? [option('start', 'Start now')] : [option('done', 'Done…')]),
    option('abandon', 'Abandon…'),
    option('reassign', 'Reassign…'),
  ];
  const proposed = a.status === 'proposed' ? ' (proposed during the hold)' : '';
  return {
    type: 'section',
    block_id: `action.${index}`,
    text: {
      type: 'mrkdwn',
      text: `• ${inline(a.text, ITEM_SHOWN)}: ${userMention(a.owner)}${proposed}`,
    },
    accessory: { type: 'overflow', action_id: MARK_ACTION_ACTION, options },
  };
}
