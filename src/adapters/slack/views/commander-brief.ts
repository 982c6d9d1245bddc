import {
  humanDuration,
  type IncidentState,
  millisecondsBetween,
  type RoleAssignment,
  type TimerSpec,
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
import { TIMER_LABELS } from './timers.js';

type Opened = Exclude<IncidentState, { status: 'none' }>;

/** How many items each list shows, and how much of each; the header and the timeline have the rest. */
const LISTED = 8;
const TITLE_SHOWN = 200;
const ITEM_SHOWN = 200;
const EVIDENCE_SHOWN = 150;

/** How the role came to them, and from whom. */
export interface BriefOrigin {
  readonly by: string;
  readonly via: RoleAssignment;
}

/**
 * The direct message to someone who has just become commander: what they need in the first
 * minute, before they ask anyone. What is known (confirmed, being tested), what was ruled out (so
 * nobody tries it again), the open actions with their owners, and what the bot will do next.
 */
export function commanderBriefMessage(
  state: Opened,
  origin: BriefOrigin,
  channelId: string | null,
  now: string,
  nextTimer: TimerSpec | null,
): SlackMessage {
  const ref = incidentRef(state.number);
  const how =
    origin.via === 'took'
      ? 'You took the role.'
      : origin.via === 'handed_off'
        ? `${userMention(origin.by)} handed it to you.`
        : `${userMention(origin.by)} gave you the role.`;
  const where = channelId ? channelMention(channelId) : 'its channel (being set up)';
  const open = humanDuration(roundToMinute(Math.max(0, millisecondsBetween(state.openedAt, now))));
  const lines = [
    `*You are now commander of ${ref}*: ${inline(state.title, TITLE_SHOWN)}. ${how}`,
    `Severity ${severityLabel(state.severity)} · status ${state.status} · open ${open}${state.service ? ` · service ${inline(state.service, 80)}` : ''} · work it in ${where}`,
  ];
  const sections = [
    lines.join('\n'),
    `*What we know*\n${known(state)}`,
    ruledOutList(state.hypotheses) || '*Ruled out*\n_Nothing yet._',
    `*Open actions*\n${openActions(state)}`,
    `*Next timer*\n${nextTimerLine(nextTimer)}`,
    'You coordinate; others fix. Check who is doing what, decide what is tried next, and keep stakeholders hearing from us (the communicator, or you while nobody is).',
  ];
  return slackMessage(
    `You are now commander of ${ref}: ${inline(state.title, TITLE_SHOWN)}`,
    sections.map(mrkdwnSection),
  );
}

function known(state: Opened): string {
  const confirmed = state.hypotheses.filter((h) => h.status === 'confirmed');
  const testing = state.hypotheses.filter((h) => h.status === 'testing');
  const proposed = state.hypotheses.filter((h) => h.status === 'proposed').length;
  const items = [
    ...confirmed.map(
      (h) =>
        `Confirmed: ${inline(h.text, ITEM_SHOWN)}${h.evidence ? ` (${inline(h.evidence, EVIDENCE_SHOWN)})` : ''}`,
    ),
    ...testing.map((h) => `Being tested: ${inline(h.text, ITEM_SHOWN)}`),
  ];
  const untested =
    proposed > 0
      ? `\n_${proposed} more hypothes${proposed === 1 ? 'is is' : 'es are'} proposed, not yet tested._`
      : '';
  return `${bullets(items) || '_Nothing is confirmed or being tested yet._'}${untested}`;
}

function openActions(state: Opened): string {
  // What is under way first; what was only proposed (during the hold) after it.
  const items = [
    ...state.actions.filter((a) => a.status === 'in_progress'),
    ...state.actions.filter((a) => a.status === 'proposed'),
  ].map(
    (a) =>
      `${inline(a.text, ITEM_SHOWN)}: ${userMention(a.owner)}${a.status === 'proposed' ? ' _(proposed, not started)_' : ''}`,
  );
  return bullets(items) || '_None._';
}

function nextTimerLine(timer: TimerSpec | null): string {
  if (!timer) return '_Nothing will fire on its own._';
  return `${TIMER_LABELS[timer.kind]} ${slackDate(timer.dueAt, '{date_short_pretty} at {time}')}: ${inline(timer.effect, 300)}`;
}

function bullets(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).map((item) => `• ${item}`);
  if (items.length > LISTED) shown.push(`…and ${items.length - LISTED} more in the header`);
  return shown.join('\n');
}
