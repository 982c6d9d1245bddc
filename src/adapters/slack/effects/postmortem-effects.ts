import type { WebClient } from '@slack/web-api';
import type { Effect } from '../../../app/effects.js';
import { type Deliveries, deliverOnce, deliverOnceFor } from '../../../app/ports/deliveries.js';
import type { IncidentStore, StoredIncident } from '../../../app/ports/incident-store.js';
import {
  addMilliseconds,
  postmortemDraft,
  renderPostmortemMarkdown,
  type TimerPolicy,
} from '../../../domain/index.js';
import type { SlackMessage } from '../views/format.js';
import { incidentRef } from '../views/labels.js';
import {
  postmortemRecordMessage,
  postmortemSummaryMessage,
  resolutionMessage,
} from '../views/postmortem-messages.js';
import { postMessage } from './post-message.js';
import { callSlack } from './slack-errors.js';

export interface PostmortemEffectDeps {
  readonly client: WebClient;
  readonly store: IncidentStore;
  readonly deliveries: Deliveries;
  /** POSTMORTEM_CHANNEL; private incidents keep their postmortem in their own channel. */
  readonly postmortemChannel: string | null;
  readonly policy: TimerPolicy;
}

type PostmortemEffect = Extract<
  Effect,
  { kind: 'resolution.post' | 'postmortem.draft' | 'postmortem.record' }
>;

/**
 * Resolution, the postmortem draft and the recorded postmortem in Slack. The draft is two steps (a
 * summary message, then the Markdown file in its thread); each step is delivered once, and a retry
 * threads the file under the summary the first attempt posted.
 */
export function createPostmortemEffectPerformer(deps: PostmortemEffectDeps) {
  const post = (channel: string, message: SlackMessage) => postMessage(deps.client, channel, message);
  const postmortemChannelFor = (incident: StoredIncident, isPrivate: boolean): string | null =>
    isPrivate ? incident.channelId : (deps.postmortemChannel ?? incident.channelId);

  async function perform(effect: PostmortemEffect, incident: StoredIncident): Promise<string> {
    const state = incident.state;
    if (state.status !== 'resolved' && state.status !== 'closed')
      return `incident is ${state.status}; nothing to say`;
    const id = incident.id;
    switch (effect.kind) {
      case 'resolution.post': {
        const channel = incident.channelId;
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        const due = state.resolution.postmortemRequired
          ? addMilliseconds(state.resolution.at, deps.policy.postmortemDue)
          : null;
        await deliverOnce(deps.deliveries, `resolution:${id}:${state.resolution.at}`, () =>
          post(channel, resolutionMessage(state, due)),
        );
        return 'resolution announced in the channel';
      }
      case 'postmortem.draft': {
        const channel = postmortemChannelFor(incident, state.private);
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        const events = (await deps.store.events(id)).map((stored) => stored.event);
        const draft = postmortemDraft(state, events, deps.policy);
        const key = `postmortem-draft:${id}:${state.resolution.at}`;
        const ts = await deliverOnceFor(deps.deliveries, `${key}:summary`, () =>
          post(channel, postmortemSummaryMessage(draft, id, incident.channelId)),
        );
        await deliverOnce(deps.deliveries, `${key}:file`, async () => {
          const filename = `postmortem-${incidentRef(draft.number).toLowerCase()}.md`;
          await callSlack(() =>
            deps.client.files.uploadV2({
              channel_id: channel,
              thread_ts: ts,
              filename,
              title: `Postmortem draft: ${incidentRef(draft.number)} ${draft.title}`,
              content: renderPostmortemMarkdown(draft),
              initial_comment: 'The full draft, every section and the whole timeline.',
            }),
          );
          return filename;
        });
        return `postmortem draft posted in ${channel} (${ts}) with its file`;
      }
      case 'postmortem.record': {
        if (state.status !== 'closed') return 'postmortem not recorded';
        const channel = postmortemChannelFor(incident, state.private);
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        await deliverOnce(deps.deliveries, `postmortem-record:${id}:${state.postmortem.at}`, () =>
          post(channel, postmortemRecordMessage(state, id)),
        );
        return `postmortem record posted in ${channel}`;
      }
    }
  }
  return { perform };
}
