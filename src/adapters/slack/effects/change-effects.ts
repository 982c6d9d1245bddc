import type { WebClient } from '@slack/web-api';
import type { Effect } from '../../../app/effects.js';
import { type Deliveries, deliverOnce } from '../../../app/ports/deliveries.js';
import type { StoredIncident } from '../../../app/ports/incident-store.js';
import { type TimerPolicy, timersFor } from '../../../domain/index.js';
import { changeNoticeMessage, commanderNudgeMessage, stagePromptMessage } from '../views/change-messages.js';
import { commanderBriefMessage } from '../views/commander-brief.js';
import type { SlackMessage } from '../views/format.js';
import { postDirectMessage, postMessage } from './post-message.js';

export interface ChangeEffectDeps {
  readonly client: WebClient;
  readonly deliveries: Deliveries;
  /** The timer policy, for the briefing's "next timer" (what `/incident timers` would say). */
  readonly policy: TimerPolicy;
}

export type ChangeEffect = Extract<
  Effect,
  { kind: 'change.notice' | 'commander.brief' | 'stage.prompt' | 'commander.nudge' }
>;

/**
 * What makes a change visible beyond the header: the notice in the channel, the new commander's
 * briefing, the stage-change prompt and the nudge when nobody took command. Each goes through
 * `deliverOnce`, keyed by incident, change and recipient, so a retry does not post twice.
 */
export function createChangeEffectPerformer(deps: ChangeEffectDeps) {
  const post = async (channel: string, message: SlackMessage): Promise<string> =>
    `posted ${await postMessage(deps.client, channel, message)} in ${channel}`;
  const once = (key: string, send: () => Promise<string>) => deliverOnce(deps.deliveries, key, send);

  async function perform(effect: ChangeEffect, incident: StoredIncident): Promise<string> {
    const state = incident.state;
    if (state.status === 'none') throw new Error(`incident ${incident.id} has no state`);
    const id = incident.id;
    const channel = incident.channelId;
    switch (effect.kind) {
      case 'commander.brief': {
        const next = [...timersFor(state, deps.policy)].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
        const message = commanderBriefMessage(state, effect, channel, effect.at, next ?? null);
        const sent = await once(`commander-brief:${id}:${effect.at}:${effect.commander}`, () =>
          postDirectMessage(deps.client, effect.commander, message),
        );
        return `briefed ${effect.commander} (${sent})`;
      }
      case 'change.notice': {
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        const change = effect.change;
        const what = change.type === 'RoleAssigned' || change.type === 'RoleReleased' ? change.role : '';
        const sent = await once(`notice:${id}:${change.type}:${what}:${change.at}`, () =>
          post(channel, changeNoticeMessage(state, change)),
        );
        return `${change.type} notice ${sent}`;
      }
      case 'stage.prompt': {
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        // Asked of whoever speaks to stakeholders now, not when the status changed.
        const recipient = state.roles.communicator ?? state.roles.commander;
        const sent = await once(`stage-prompt:${id}:${effect.at}`, () =>
          post(channel, stagePromptMessage(state, effect.to, recipient)),
        );
        return `stage prompt for ${effect.to} ${sent}`;
      }
      case 'commander.nudge': {
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        const sent = await once(`commander-nudge:${id}:${effect.at}`, () =>
          post(channel, commanderNudgeMessage(state)),
        );
        return `commander nudge ${sent}`;
      }
    }
  }
  return { perform };
}
