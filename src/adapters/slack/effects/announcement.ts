import type { WebClient } from '@slack/web-api';
import type { Attempt } from '../../../app/ports/effect-performer.js';
import type { IncidentStore, StoredIncident } from '../../../app/ports/incident-store.js';
import type { OpenedIncident } from '../../../domain/index.js';
import { renderAnnouncement } from '../views/announcement.js';
import { findPostedMessage, incidentMetadata } from './posted-message.js';
import { callSlack } from './slack-errors.js';

export interface AnnouncementDeps {
  readonly client: WebClient;
  readonly store: Pick<IncidentStore, 'recordAnnouncement'>;
  /** ANNOUNCE_CHANNEL; null when announcements are off. */
  readonly announceChannel: string | null;
}

const ANNOUNCEMENT_METADATA_TYPE = 'incident_announcement';

/**
 * The announcement: posted once, then updated in place. Like the header it carries metadata
 * naming the incident, so a retry after a crash adopts the one already posted.
 */
export async function renderIncidentAnnouncement(
  deps: AnnouncementDeps,
  incident: StoredIncident,
  state: OpenedIncident,
  attempt: Attempt,
): Promise<string> {
  const message = renderAnnouncement(state, incident.channelId);
  if (incident.announcement) {
    const { channel, ts } = incident.announcement;
    await callSlack(() => deps.client.chat.update({ channel, ts, ...message }));
    return `updated announcement ${ts}`;
  }
  const channel = deps.announceChannel;
  if (!channel) return 'no ANNOUNCE_CHANNEL configured';
  const earlier =
    attempt.number > 1
      ? await findPostedMessage(deps.client, channel, ANNOUNCEMENT_METADATA_TYPE, incident.id, 200)
      : null;
  if (earlier) {
    await deps.store.recordAnnouncement(incident.id, { channel, ts: earlier });
    await callSlack(() => deps.client.chat.update({ channel, ts: earlier, ...message }));
    return `adopted announcement ${earlier}`;
  }
  const metadata = incidentMetadata(ANNOUNCEMENT_METADATA_TYPE, incident.id);
  const { ts } = await callSlack(() =>
    deps.client.chat.postMessage({ channel, ...message, metadata, unfurl_links: false }),
  );
  if (!ts) throw new Error('chat.postMessage returned no ts');
  await deps.store.recordAnnouncement(incident.id, { channel, ts });
  return `announced in ${channel} (${ts})`;
}
