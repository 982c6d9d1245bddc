import type { Effect } from '../../../app/effects.js';
import type { Attempt, EffectPerformer } from '../../../app/ports/effect-performer.js';
import type { IncidentStore, StoredIncident } from '../../../app/ports/incident-store.js';
import { SYSTEM_ACTOR } from '../../../domain/index.js';
import type { SlackClients } from '../slack-clients.js';
import { createUserNames, type UserNames } from '../user-names.js';
import { incidentRef } from '../views/labels.js';
import { renderIncidentAnnouncement } from './announcement.js';
import { createChangeEffectPerformer } from './change-effects.js';
import { createIncidentChannel } from './incident-channel.js';
import { createMessageEffectPerformer, type MessageEffectDeps } from './message-effects.js';
import { type HeaderDeps, renderPinnedHeader } from './pinned-header.js';
import { createPostmortemEffectPerformer, type PostmortemEffectDeps } from './postmortem-effects.js';
import { tolerating } from './slack-errors.js';

export interface SlackEffectDeps
  extends Omit<MessageEffectDeps, 'client' | 'botUserId'>,
    Omit<HeaderDeps, 'client' | 'store'> {
  /**
   * Each workspace's client (its bot token; no retries of its own, a timeout on every call: the
   * outbox retries with backoff) and the bot's user id there.
   */
  readonly clients: Pick<SlackClients, 'clientFor' | 'botUserIdFor'>;
  readonly store: IncidentStore;
  /** ANNOUNCE_CHANNEL; null when announcements are off. */
  readonly announceChannel: string | null;
  /** POSTMORTEM_CHANNEL; null keeps postmortems in the incident channel. */
  readonly postmortemChannel: string | null;
  /** Display names for files; by default read from Slack with a bounded cache. */
  readonly names?: UserNames;
  /** Display names in one workspace (its token); wins over `names`. */
  readonly namesFor?: (teamId: string) => UserNames;
  /** What the postmortem draft needs beyond the events (runbook, meeting time). */
  readonly draftContext?: PostmortemEffectDeps['draftContext'];
  readonly fetch?: typeof fetch;
  /** How long a response_url post may take. */
  readonly responseTimeoutMs?: number;
}

/**
 * Performs outbox effects against Slack's Web API, each in its incident's workspace (with that
 * workspace's token). Each one can be repeated without harm. A workspace that uninstalled the app
 * has no client: its effects are given up (`app_uninstalled`).
 */
export function createSlackEffectPerformer(options: SlackEffectDeps): EffectPerformer {
  return {
    async perform(effect: Effect, incident: StoredIncident, attempt: Attempt) {
      const client = await options.clients.clientFor(incident.teamId, 'effects');
      const botUserId = await options.clients.botUserIdFor(incident.teamId);
      const names = options.namesFor?.(incident.teamId) ?? options.names;
      return workspacePerformer({ ...options, client, botUserId, ...(names ? { names } : {}) }).perform(
        effect,
        incident,
        attempt,
      );
    },
  };
}

type WorkspaceDeps = SlackEffectDeps & MessageEffectDeps;

/** Performs effects with one workspace's client. */
function workspacePerformer(deps: WorkspaceDeps): EffectPerformer {
  const messages = createMessageEffectPerformer(deps);
  const postmortems = createPostmortemEffectPerformer({
    ...deps,
    policy: deps.header.policy,
    names: deps.names ?? createUserNames({ client: deps.client }),
  });
  const changes = createChangeEffectPerformer({ ...deps, policy: deps.header.policy });

  async function invite(incident: StoredIncident, effect: Extract<Effect, { kind: 'channel.invite' }>) {
    const channel = requireChannel(incident);
    const users = effect.users.filter((user) => user !== SYSTEM_ACTOR && user !== deps.botUserId);
    if (users.length === 0) return 'nobody to invite';
    const result = await tolerating(
      () => deps.client.conversations.invite({ channel, users: users.join(',') }),
      ['already_in_channel', 'cant_invite_self'],
    );
    return result === 'harmless' ? `${users.join(',')} already in channel` : `invited ${users.join(',')}`;
  }

  async function confirmToReporter(incident: StoredIncident, responseUrl: string) {
    const channel = requireChannel(incident);
    const text = `Opened *${incidentRef(opened(incident).number)}* in <#${channel}>. Take a role from the pinned header there.`;
    const response = await (deps.fetch ?? fetch)(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
      signal: AbortSignal.timeout(deps.responseTimeoutMs ?? 10_000),
    });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
    return 'confirmed to reporter';
  }

  return {
    perform(effect: Effect, incident: StoredIncident, attempt: Attempt) {
      switch (effect.kind) {
        case 'channel.create':
          return createIncidentChannel(deps, incident, opened(incident), attempt);
        case 'channel.invite':
          return invite(incident, effect);
        case 'header.render':
          return renderPinnedHeader(deps, incident, opened(incident), requireChannel(incident), attempt);
        case 'announcement.render':
          return renderIncidentAnnouncement(deps, incident, opened(incident), attempt);
        case 'reporter.confirm':
          return confirmToReporter(incident, effect.responseUrl);
        case 'resolution.post':
        case 'postmortem.draft':
        case 'postmortem.record':
        case 'postmortem.export':
          return postmortems.perform(effect, incident);
        case 'change.notice':
        case 'commander.brief':
        case 'stage.prompt':
        case 'commander.nudge':
          return changes.perform(effect, incident);
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

/** Effects after `channel.create` wait for it (the outbox sees to that): this trips only on a bug. */
function requireChannel(incident: StoredIncident): string {
  if (!incident.channelId) throw new Error(`incident ${incident.id} has no channel yet`);
  return incident.channelId;
}
