import type { KnownBlock } from '@slack/types';
import type { OpenedIncident } from '../../../domain/index.js';
import { channelMention, inline, mrkdwnSection, slackDate, userMention } from './format.js';
import { incidentRef, severityLabel, statusLabel } from './labels.js';

/** A title or service runs to a line or two here; the incident channel has the rest. */
const TITLE_SHOWN = 300;
const SERVICE_SHOWN = 200;

/**
 * The announcement in ANNOUNCE_CHANNEL: what is happening and where to follow it. Updated in place
 * when the severity or status changes. A drill says so first, so nobody mistakes it for real.
 */
export function renderAnnouncement(
  state: OpenedIncident,
  channelId: string | null,
): { text: string; blocks: KnownBlock[] } {
  const drill = state.drill ? ':construction: DRILL, not a real incident. ' : '';
  const where = channelId ? `Follow it in ${channelMention(channelId)}.` : 'Its channel is being set up.';
  const commander = state.roles.commander
    ? `Commander: ${userMention(state.roles.commander)}.`
    : 'No commander yet.';
  const title = inline(state.title, TITLE_SHOWN);
  const text = `${drill}${incidentRef(state.number)} ${title}: ${statusLabel(state.status)}, ${severityLabel(state.severity)}`;
  const resolved =
    state.status === 'resolved' || state.status === 'closed'
      ? ` Resolved ${slackDate(state.resolution.at)}.`
      : '';
  return {
    text,
    blocks: [
      mrkdwnSection(
        `${drill}:rotating_light: *${incidentRef(state.number)}* ${title}\n*${severityLabel(state.severity)}* · ${statusLabel(state.status)}${state.service ? ` · ${inline(state.service, SERVICE_SHOWN)}` : ''}\n${commander} ${where}${resolved}`,
      ),
    ],
  };
}
