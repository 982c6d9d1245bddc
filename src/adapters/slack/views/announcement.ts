import type { KnownBlock } from '@slack/types';
import type { OpenedIncident } from '../../../domain/index.js';
import { clip, escapeMrkdwn, slackDate, userMention } from './format.js';
import { incidentRef, severityLabel, statusLabel } from './labels.js';

/**
 * The announcement in ANNOUNCE_CHANNEL: what is happening and where to follow it. Updated in place
 * when the severity or status changes. A drill says so first, so nobody mistakes it for real.
 */
export function renderAnnouncement(
  state: OpenedIncident,
  channelId: string | null,
): { text: string; blocks: KnownBlock[] } {
  const drill = state.drill ? ':construction: DRILL, not a real incident. ' : '';
  const where = channelId ? `Follow it in <#${channelId}>.` : 'Its channel is being set up.';
  const commander = state.roles.commander
    ? `Commander: ${userMention(state.roles.commander)}.`
    : 'No commander yet.';
  const text = `${drill}${incidentRef(state.number)} ${state.title}: ${statusLabel(state.status)}, ${severityLabel(state.severity)}`;
  const resolved =
    state.status === 'resolved' || state.status === 'closed'
      ? ` Resolved ${slackDate(state.resolution.at)}.`
      : '';
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: clip(
            `${drill}:rotating_light: *${incidentRef(state.number)}* ${escapeMrkdwn(state.title)}\n*${severityLabel(state.severity)}* · ${statusLabel(state.status)}${state.service ? ` · ${escapeMrkdwn(state.service)}` : ''}\n${commander} ${where}${resolved}`,
            3000,
          ),
        },
      },
    ],
  };
}
