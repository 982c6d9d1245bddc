import type { WebClient } from '@slack/web-api';
import type { Attempt } from '../../../app/ports/effect-performer.js';
import type { IncidentStore, StoredIncident } from '../../../app/ports/incident-store.js';
import type { OpenedIncident } from '../../../domain/index.js';
import { incidentChannelName } from '../views/channel-name.js';
import { clip } from '../views/format.js';
import { incidentRef } from '../views/labels.js';
import { slackErrorCode, tolerating } from './slack-errors.js';

const NAME_ATTEMPTS = 20;
const LIST_PAGES = 10;

interface ChannelDeps {
  readonly client: WebClient;
  readonly store: Pick<IncidentStore, 'recordChannel'>;
  readonly botUserId: string;
}

/**
 * Creates the incident channel exactly once, even across a crash between Slack creating it and us
 * recording it: the channel's purpose names the incident, and a retry (or a `name_taken`) first
 * looks for a channel of ours with that name and adopts it instead of creating `inc-N-…-2`.
 */
export async function createIncidentChannel(
  deps: ChannelDeps,
  incident: StoredIncident,
  state: OpenedIncident,
  attempt: Attempt,
): Promise<string> {
  if (incident.channelId) return `channel ${incident.channelId} already exists`;
  for (let n = 1; n <= NAME_ATTEMPTS; n++) {
    const name = incidentChannelName(state, n);
    // A retry may follow an attempt that created the channel and crashed before recording it.
    if (attempt.number > 1) {
      const ours = await findOurChannel(deps, incident, state, name);
      if (ours) return adopt(deps, incident, { id: ours, name });
    }
    const created = await tolerating(
      () => deps.client.conversations.create({ name, is_private: state.private }),
      ['name_taken'],
    );
    if (created === 'harmless') continue;
    const id = created.channel?.id;
    if (!id) throw new Error('conversations.create returned no channel');
    return adopt(deps, incident, { id, name });
  }
  throw new Error(`every channel name for ${incidentRef(state.number)} is taken`);
}

async function adopt(
  deps: ChannelDeps,
  incident: StoredIncident,
  channel: { id: string; name: string },
): Promise<string> {
  const recorded = await deps.store.recordChannel(incident.id, channel);
  return `created #${recorded.name} (${recorded.id})`;
}

/**
 * Sets the channel's purpose. Its own effect, after the channel is recorded: the header need not
 * wait for it, and a retry of the creation finds the channel by its record first.
 */
export async function setIncidentChannelPurpose(
  deps: Pick<ChannelDeps, 'client'>,
  incident: StoredIncident,
  state: OpenedIncident,
  channel: string,
): Promise<string> {
  await deps.client.conversations.setPurpose({ channel, purpose: purposeOf(incident, state) });
  return 'set the channel purpose';
}

/** The channel's purpose: what it is for, and the incident's id so a retry can recognise it. */
const purposeOf = (incident: StoredIncident, state: OpenedIncident): string =>
  `${clip(`${incidentRef(state.number)}: ${state.title}`, 180)} · Incident Commander ref ${incident.id}`;

/**
 * A channel named `name` that this incident owns: its purpose carries the incident's id, or (a
 * crash before the purpose was set) the bot created it after the incident opened.
 */
async function findOurChannel(
  deps: ChannelDeps,
  incident: StoredIncident,
  state: OpenedIncident,
  name: string,
): Promise<string | null> {
  let cursor: string | undefined;
  for (let page = 0; page < LIST_PAGES; page++) {
    const listed = await deps.client.conversations
      .list({
        types: 'public_channel,private_channel',
        exclude_archived: true,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      })
      .catch((error: unknown) => {
        if (slackErrorCode(error) === 'missing_scope') return null;
        throw error;
      });
    if (!listed) return null;
    const channel = listed.channels?.find((c) => c.name === name);
    if (channel?.id) {
      const purpose = channel.purpose?.value ?? '';
      const ours = purpose.includes(incident.id);
      const unmarkedButOurs =
        purpose === '' &&
        channel.creator === deps.botUserId &&
        (channel.created ?? 0) * 1000 >= Date.parse(state.openedAt) - 60_000;
      return ours || unmarkedButOurs ? channel.id : null;
    }
    cursor = listed.response_metadata?.next_cursor || undefined;
    if (!cursor) return null;
  }
  return null;
}
