import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { IncidentContext } from '../../../app/incident-context.js';
import type { Attempt } from '../../../app/ports/effect-performer.js';
import type { IncidentStore, StoredIncident } from '../../../app/ports/incident-store.js';
import type { FailedEffect } from '../../../app/ports/outbox.js';
import type { OpenedIncident } from '../../../domain/index.js';
import { clip, contextLine } from '../views/format.js';
import { type HeaderOptions, renderHeader } from '../views/header.js';
import { EFFECT_LABELS } from './effect-labels.js';
import { findPostedMessage, incidentMetadata } from './posted-message.js';
import { callSlack, tolerating } from './slack-errors.js';

export interface HeaderDeps {
  readonly client: WebClient;
  readonly store: Pick<IncidentStore, 'recordHeader'>;
  readonly header: HeaderOptions;
  /** What did not reach Slack for this incident, newest first: shown to the commander on the header. */
  readonly failures: (incidentId: string) => Promise<readonly FailedEffect[]>;
  /** The service's runbook and what broke before on it (the app finds them). */
  readonly context?: (incident: StoredIncident) => Promise<IncidentContext>;
}

export const HEADER_METADATA_TYPE = 'incident_header';

/**
 * The pinned header, a view of the state: updated in place, posted and pinned once. Posted with
 * message metadata naming the incident, so a retry after a crash (posted, not yet recorded) finds
 * and adopts it instead of posting a second header. A deleted header is posted and pinned again.
 */
export async function renderPinnedHeader(
  deps: HeaderDeps,
  incident: StoredIncident,
  state: OpenedIncident,
  channel: string,
  attempt: Attempt,
): Promise<string> {
  const rendered = renderHeader(state, deps.header, deps.context ? await deps.context(incident) : undefined);
  const problems = problemBlocks(await deps.failures(incident.id), deps.header.command);
  const header = { ...rendered, blocks: [...rendered.blocks, ...problems] };
  const metadata = incidentMetadata(HEADER_METADATA_TYPE, incident.id);
  let ts = incident.headerTs;
  if (ts === null && attempt.number > 1)
    ts = await findPostedMessage(deps.client, channel, HEADER_METADATA_TYPE, incident.id, 100);
  if (ts !== null) {
    const updated = await tolerating(
      () => deps.client.chat.update({ channel, ts: ts ?? '', ...header }),
      ['message_not_found', 'cant_update_message'],
    );
    if (updated !== 'harmless') {
      if (incident.headerTs === null) await adoptHeader(deps, incident.id, channel, ts);
      return `updated header ${ts}`;
    }
  }
  const posted = await callSlack(() => deps.client.chat.postMessage({ channel, ...header, metadata }));
  if (!posted.ts) throw new Error('chat.postMessage returned no ts');
  await adoptHeader(deps, incident.id, channel, posted.ts);
  return `${ts === null ? 'posted' : 're-posted the deleted'} and pinned header ${posted.ts}`;
}

async function adoptHeader(deps: HeaderDeps, incidentId: string, channel: string, ts: string): Promise<void> {
  await deps.store.recordHeader(incidentId, ts);
  await tolerating(() => deps.client.pins.add({ channel, timestamp: ts }), ['already_pinned']);
}

/** One line for the commander when messages did not reach Slack; `/incident status` says which. */
function problemBlocks(failures: readonly FailedEffect[], command: string): KnownBlock[] {
  const latest = failures[0];
  if (!latest) return [];
  const what = failures.length === 1 ? 'Something I had to post' : `${failures.length} things I had to post`;
  return [
    contextLine(
      `:warning: ${what} did not reach Slack (latest: ${EFFECT_LABELS[latest.kind]}, ${clip(latest.reason, 200)}). \`${command} status\` lists them.`,
    ),
  ];
}
