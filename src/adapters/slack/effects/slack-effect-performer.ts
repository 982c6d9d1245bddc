import type { WebClient } from '@slack/web-api';
import type { Effect } from '../../../app/effects.js';
import type { EffectPerformer } from '../../../app/ports/effect-performer.js';
import type { IncidentStore, StoredIncident } from '../../../app/ports/incident-store.js';
import { SYSTEM_ACTOR } from '../../../domain/index.js';
import { renderAnnouncement } from '../views/announcement.js';
import { incidentChannelName } from '../views/channel-name.js';
import { type HeaderOptions, renderHeader } from '../views/header.js';
import { incidentRef } from '../views/labels.js';
import { createMessageEffectPerformer, type MessageEffectDeps } from './message-effects.js';
import { createPostmortemEffectPerformer } from './postmortem-effects.js';
import { callSlack as call, tolerating } from './slack-errors.js';

export interface SlackEffectDeps extends Omit<MessageEffectDeps, 'client' | 'botUserId'> {
  /** A client with no retries of its own: the outbox retries with backoff instead. */
  readonly client: WebClient;
  readonly store: IncidentStore;
  readonly botUserId: string;
  readonly header: HeaderOptions;
  /** ANNOUNCE_CHANNEL; null when announcements are off. */
  readonly announceChannel: string | null;
  /** POSTMORTEM_CHANNEL; null keeps postmortems in the incident channel. */
  readonly postmortemChannel: string | null;
  readonly fetch?: typeof fetch;
}

const NAME_ATTEMPTS = 20;

/** Performs outbox effects against Slack's Web API. Each one can be repeated without harm. */
export function createSlackEffectPerformer(deps: SlackEffectDeps): EffectPerformer {
  const messages = createMessageEffectPerformer(deps);
  const postmortems = createPostmortemEffectPerformer({ ...deps, policy: deps.header.policy });
  const perform = {
    async 'channel.create'(incident: StoredIncident) {
      if (incident.channelId) return `channel ${incident.channelId} already exists`;
      const state = opened(incident);
      for (let attempt = 1; attempt <= NAME_ATTEMPTS; attempt++) {
        const name = incidentChannelName(state, attempt);
        const created = await tolerating(
          () => deps.client.conversations.create({ name, is_private: state.private }),
          ['name_taken'],
        );
        if (created !== 'harmless' && created.channel?.id) {
          const recorded = await deps.store.recordChannel(incident.id, { id: created.channel.id, name });
          return `created #${recorded.name} (${recorded.id})`;
        }
      }
      throw new Error(`every channel name for ${incidentRef(state.number)} is taken`);
    },

    async 'channel.invite'(incident: StoredIncident, effect: Extract<Effect, { kind: 'channel.invite' }>) {
      const channel = requireChannel(incident);
      const users = effect.users.filter((user) => user !== SYSTEM_ACTOR && user !== deps.botUserId);
      if (users.length === 0) return 'nobody to invite';
      const result = await tolerating(
        () => deps.client.conversations.invite({ channel, users: users.join(',') }),
        ['already_in_channel', 'cant_invite_self'],
      );
      return result === 'harmless' ? `${users.join(',')} already in channel` : `invited ${users.join(',')}`;
    },

    async 'header.render'(incident: StoredIncident) {
      const channel = requireChannel(incident);
      const header = renderHeader(opened(incident), deps.header);
      if (incident.headerTs) {
        await call(() => deps.client.chat.update({ channel, ts: incident.headerTs ?? '', ...header }));
        return `updated header ${incident.headerTs}`;
      }
      const { ts } = await call(() => deps.client.chat.postMessage({ channel, ...header }));
      if (!ts) throw new Error('chat.postMessage returned no ts');
      await deps.store.recordHeader(incident.id, ts);
      await tolerating(() => deps.client.pins.add({ channel, timestamp: ts }), ['already_pinned']);
      return `posted and pinned header ${ts}`;
    },

    async 'announcement.render'(incident: StoredIncident) {
      const message = renderAnnouncement(opened(incident), incident.channelId);
      if (incident.announcement) {
        const { channel, ts } = incident.announcement;
        await call(() => deps.client.chat.update({ channel, ts, ...message }));
        return `updated announcement ${ts}`;
      }
      if (!deps.announceChannel) return 'no ANNOUNCE_CHANNEL configured';
      const channel = deps.announceChannel;
      const { ts } = await call(() =>
        deps.client.chat.postMessage({ channel, ...message, unfurl_links: false }),
      );
      if (!ts) throw new Error('chat.postMessage returned no ts');
      await deps.store.recordAnnouncement(incident.id, { channel, ts });
      return `announced in ${channel} (${ts})`;
    },

    async 'reporter.confirm'(
      incident: StoredIncident,
      effect: Extract<Effect, { kind: 'reporter.confirm' }>,
    ) {
      const channel = requireChannel(incident);
      const state = opened(incident);
      const text = `Opened *${incidentRef(state.number)}* in <#${channel}>. Take a role from the pinned header there.`;
      const response = await (deps.fetch ?? fetch)(effect.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
      });
      if (!response.ok) throw new Error(`response_url answered ${response.status}`);
      return 'confirmed to reporter';
    },
  };

  return {
    perform(effect, incident) {
      switch (effect.kind) {
        case 'channel.create':
          return perform['channel.create'](incident);
        case 'channel.invite':
          return perform['channel.invite'](incident, effect);
        case 'header.render':
          return perform['header.render'](incident);
        case 'announcement.render':
          return perform['announcement.render'](incident);
        case 'reporter.confirm':
          return perform['reporter.confirm'](incident, effect);
        case 'resolution.post':
        case 'postmortem.draft':
        case 'postmortem.record':
          return postmortems.perform(effect, incident);
        default:
          return messages.perform(effect, incident);
      }
    },
  };
}

function opened(incident: StoredIncident) {
  if (incident.state.status === 'none') throw new Error(`incident ${incident.id} has no state`);
  return incident.state;
}

/** Effects after `channel.create` wait for it: the outbox keeps order, so this only trips on a bug. */
function requireChannel(incident: StoredIncident): string {
  if (!incident.channelId) throw new Error(`incident ${incident.id} has no channel yet`);
  return incident.channelId;
}
