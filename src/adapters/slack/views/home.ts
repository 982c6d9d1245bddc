import type { KnownBlock, View } from '@slack/types';
import type { StoredIncident } from '../../../app/ports/incident-store.js';
import { canSee, type FollowUp, type OpenedIncident, ROLES } from '../../../domain/index.js';
import { channelMention, inline, mrkdwnSection, slackDate, userMention } from './format.js';
import { incidentRef, ROLE_LABELS, severityLabel, statusLabel } from './labels.js';
import { followUpBlocks } from './postmortem-messages.js';

/** Slack allows 100 blocks on the Home tab; beyond these many entries a list is summarised. */
export const HOME_INCIDENT_LIMIT = 30;
export const HOME_ACTION_LIMIT = 15;
export const OPEN_FROM_HOME_ACTION = 'home.open';

type Visible = StoredIncident & { readonly state: OpenedIncident };

/** Beyond open incidents: the viewer's open follow-ups, and the figures (each optional). */
export interface HomeExtras {
  readonly followUps?: readonly {
    readonly incidentId: string;
    readonly number: number;
    readonly followUp: FollowUp;
  }[];
  readonly figures?: readonly KnownBlock[];
}
export const HOME_FOLLOW_UP_LIMIT = 10;

/**
 * The App Home tab: the viewer's roles and open actions first, then every open incident they may
 * see (a private one only to the people working it: `canSee`), and a button to open a new one.
 */
export function renderHome(
  viewer: string,
  incidents: readonly StoredIncident[],
  command: string,
  extras: HomeExtras = {},
): View {
  // The one visibility rule, as everywhere else (the caller filters too; a view never shows more).
  const visible = incidents.filter(
    (i): i is Visible => i.state.status !== 'none' && canSee(i.state, { userId: viewer, inChannel: false }),
  );
  const myRoles = visible.flatMap((i) =>
    ROLES.filter((role) => i.state.roles[role] === viewer).map(
      (role) => `${ROLE_LABELS[role]} of *${incidentRef(i.number)}*${channel(i)}`,
    ),
  );
  const myActions = visible.flatMap((i) =>
    i.state.actions
      .filter((a) => a.owner === viewer && (a.status === 'in_progress' || a.status === 'proposed'))
      .map(
        (a) =>
          `${inline(a.text, 150)} (*${incidentRef(i.number)}*${a.status === 'proposed' ? ', proposed' : ''})`,
      ),
  );
  const shown = visible.slice(0, HOME_INCIDENT_LIMIT);
  const blocks: KnownBlock[] = [
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: OPEN_FROM_HOME_ACTION,
          style: 'danger',
          text: { type: 'plain_text', text: 'Open an incident' },
        },
      ],
    },
    { type: 'header', text: { type: 'plain_text', text: 'You' } },
    text(
      myRoles.length > 0
        ? `*Your roles*\n${myRoles.map((r) => `• ${r}`).join('\n')}`
        : '*Your roles*\nNone right now.',
    ),
    text(
      myActions.length > 0
        ? `*Your open actions*\n${myActions
            .slice(0, HOME_ACTION_LIMIT)
            .map((a) => `• ${a}`)
            .join(
              '\n',
            )}${myActions.length > HOME_ACTION_LIMIT ? `\n…and ${myActions.length - HOME_ACTION_LIMIT} more.` : ''}`
        : '*Your open actions*\nNone.',
    ),
    ...followUpSection(extras.followUps ?? []),
    { type: 'header', text: { type: 'plain_text', text: 'Open incidents' } },
    ...(shown.length === 0 ? [text('Nothing is on fire. :tada:')] : shown.map((i) => text(incidentLine(i)))),
    ...(visible.length > shown.length
      ? [
          {
            type: 'context' as const,
            elements: [{ type: 'mrkdwn' as const, text: `…and ${visible.length - shown.length} more.` }],
          },
        ]
      : []),
    ...(extras.figures ?? []),
    { type: 'divider' },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Or from any channel: \`${command} open &lt;title&gt;\`.` }],
    },
  ];
  return { type: 'home', blocks };
}

function followUpSection(followUps: NonNullable<HomeExtras['followUps']>): KnownBlock[] {
  if (followUps.length === 0) return [text('*Your follow-ups*\nNone open.')];
  const shown = followUps.slice(0, HOME_FOLLOW_UP_LIMIT);
  return [
    text(`*Your follow-ups* (${followUps.length} open)`),
    ...shown.flatMap(({ incidentId, number, followUp }) =>
      followUpBlocks(incidentId, followUp, `${incidentRef(number)}: `),
    ),
    ...(followUps.length > shown.length
      ? [
          {
            type: 'context' as const,
            elements: [{ type: 'mrkdwn' as const, text: `…and ${followUps.length - shown.length} more.` }],
          },
        ]
      : []),
  ];
}

const text = mrkdwnSection;
const channel = (i: StoredIncident): string => (i.channelId ? ` in ${channelMention(i.channelId)}` : '');

function incidentLine(incident: Visible): string {
  const state = incident.state;
  const commander = state.roles.commander ? userMention(state.roles.commander) : 'no commander yet';
  const drill = state.drill ? ' · drill' : '';
  return `*${incidentRef(state.number)}* ${inline(state.title, 300)}${channel(incident)}\n${severityLabel(state.severity)} · ${statusLabel(state.status)} · ${commander} · opened ${slackDate(state.openedAt, '{date_short_pretty} {time}')}${drill}`;
}
