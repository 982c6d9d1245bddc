import type { WebClient } from '@slack/web-api';
import type { Effect } from '../../../app/effects.js';
import { type Deliveries, deliverOnce, deliverOnceFor } from '../../../app/ports/deliveries.js';
import type { IncidentStore, StoredIncident } from '../../../app/ports/incident-store.js';
import {
  addMilliseconds,
  type ClosedIncident,
  type DraftContext,
  peopleIn,
  postmortemDraft,
  type ResolvedIncident,
  renderPostmortemMarkdown,
  type TimerPolicy,
} from '../../../domain/index.js';
import type { UserNames } from '../user-names.js';
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
  /** Display names for the files (users.info); ids where Slack cannot say. */
  readonly names: UserNames;
  /** What the draft needs beyond the events: the service's runbook, a proposed meeting time. */
  readonly draftContext?: (
    incident: StoredIncident,
    state: ResolvedIncident | ClosedIncident,
  ) => Promise<DraftContext>;
}

type PostmortemEffect = Extract<
  Effect,
  { kind: 'resolution.post' | 'postmortem.draft' | 'postmortem.record' | 'postmortem.export' }
>;

/**
 * Resolution, the postmortem draft and the recorded postmortem in Slack. The draft is two steps (a
 * summary message, then the Markdown file in its thread); each step is delivered once, and a retry
 * threads the file under the summary the first attempt posted. The recorded postmortem is a message
 * and the final record (draft, answers and follow-ups in one file) in the draft's thread.
 */
export function createPostmortemEffectPerformer(deps: PostmortemEffectDeps) {
  const post = (channel: string, message: SlackMessage) => postMessage(deps.client, channel, message);
  const postmortemChannelFor = (incident: StoredIncident, isPrivate: boolean): string | null =>
    isPrivate ? incident.channelId : (deps.postmortemChannel ?? incident.channelId);
  const draftKey = (incident: StoredIncident, state: ResolvedIncident | ClosedIncident) =>
    `postmortem-draft:${incident.id}:${state.resolution.at}`;

  /** The Markdown file: the draft, or (once recorded) the final record; people by name. */
  async function markdownOf(incident: StoredIncident, state: ResolvedIncident | ClosedIncident) {
    const events = (await deps.store.events(incident.id)).map((stored) => stored.event);
    const context: DraftContext = {
      dueAt: state.resolution.postmortemRequired
        ? addMilliseconds(state.resolution.at, deps.policy.postmortemDue)
        : null,
      ...(deps.draftContext ? await deps.draftContext(incident, state) : {}),
    };
    const draft = postmortemDraft(state, events, deps.policy, context);
    const nameOf = await deps.names(peopleIn(events));
    const record = state.status === 'closed' ? { ...state.postmortem, followUps: state.followUps } : null;
    return { draft, content: renderPostmortemMarkdown(draft, { nameOf, record }) };
  }

  async function upload(
    channel: string,
    threadTs: string | undefined,
    incident: StoredIncident,
    state: ResolvedIncident | ClosedIncident,
    kind: 'draft' | 'record',
  ): Promise<string> {
    const { draft, content } = await markdownOf(incident, state);
    const ref = incidentRef(draft.number);
    const filename = `postmortem-${ref.toLowerCase()}${kind === 'record' ? '-final' : ''}.md`;
    const file = {
      filename,
      title: `${kind === 'record' ? 'Postmortem' : 'Postmortem draft'}: ${ref} ${draft.title}`,
      content,
      initial_comment:
        kind === 'record'
          ? 'The final record: the draft, the meeting’s answers and the three follow-ups, in one document.'
          : 'The full draft, every section and the whole timeline.',
    };
    await callSlack(() =>
      deps.client.files.uploadV2(
        threadTs ? { ...file, channel_id: channel, thread_ts: threadTs } : { ...file, channel_id: channel },
      ),
    );
    return filename;
  }

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
        const key = draftKey(incident, state);
        const ts = await deliverOnceFor(deps.deliveries, `${key}:summary`, async () => {
          const { draft } = await markdownOf(incident, state);
          return post(channel, postmortemSummaryMessage(draft, id, incident.channelId));
        });
        await deliverOnce(deps.deliveries, `${key}:file`, () =>
          upload(channel, ts, incident, state, 'draft'),
        );
        return `postmortem draft posted in ${channel} (${ts}) with its file`;
      }
      case 'postmortem.record': {
        if (state.status !== 'closed') return 'postmortem not recorded';
        const channel = postmortemChannelFor(incident, state.private);
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        const key = `postmortem-record:${id}:${state.postmortem.at}`;
        await deliverOnce(deps.deliveries, key, () => post(channel, postmortemRecordMessage(state, id)));
        // In the draft's thread, beside the draft it completes; at the top of the channel if none was posted.
        const draftTs = (await deps.deliveries.find(`${draftKey(incident, state)}:summary`)) ?? undefined;
        await deliverOnce(deps.deliveries, `${key}:file`, () =>
          upload(channel, draftTs, incident, state, 'record'),
        );
        return `postmortem record posted in ${channel} with the final document`;
      }
      case 'postmortem.export': {
        if (state.status !== 'closed') return 'postmortem not recorded';
        const channel = effect.channel;
        await deliverOnce(deps.deliveries, `postmortem-export:${id}:${effect.at}`, () =>
          upload(channel, undefined, incident, state, 'record'),
        );
        return `final postmortem record re-sent to ${channel}`;
      }
    }
  }
  return { perform };
}
