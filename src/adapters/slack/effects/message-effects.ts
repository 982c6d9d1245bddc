import type { WebClient } from '@slack/web-api';
import type { Effect } from '../../../app/effects.js';
import type { IncidentContext } from '../../../app/incident-context.js';
import { type Deliveries, deliverOnce } from '../../../app/ports/deliveries.js';
import type { StoredIncident } from '../../../app/ports/incident-store.js';
import {
  addMilliseconds,
  type IncidentState,
  millisecondsBetween,
  SYSTEM_ACTOR,
} from '../../../domain/index.js';
import type { SlackMessage } from '../views/format.js';
import {
  escalationBriefMessage,
  escalationPageMessage,
  followUpReminderMessage,
  holdSummaryMessage,
  postmortemReminderMessage,
  stakeholderUpdateMessage,
  updateNudgeMessage,
} from '../views/timer-messages.js';
import { postDirectMessage, postMessage } from './post-message.js';
import { callSlack as call, tolerating } from './slack-errors.js';

export interface MessageEffectDeps {
  readonly client: WebClient;
  readonly deliveries: Deliveries;
  readonly botUserId: string;
  readonly escalation: { readonly senior: readonly string[]; readonly exec: readonly string[] };
  /** STAKEHOLDER_CHANNEL; null when updates go to the incident channel only. */
  readonly stakeholderChannel: string | null;
  /** POSTMORTEM_DUE in milliseconds, to say when a reminded postmortem is due. */
  readonly postmortemDue: number;
  /** The service's runbook and what broke before on it, for the hold-end message. */
  readonly context?: (incident: StoredIncident) => Promise<IncidentContext>;
}

type MessageEffect = Extract<
  Effect,
  {
    kind:
      | 'hold.summary'
      | 'escalation.page'
      | 'escalation.brief'
      | 'update.nudge'
      | 'update.post'
      | 'postmortem.remind'
      | 'follow-up.remind';
  }
>;
type Opened = Exclude<IncidentState, { status: 'none' }>;

/**
 * Messages to people beyond the header: what fired timers say, and stakeholder updates. Every
 * message goes through `deliverOnce` keyed by incident, what and whom, so an effect retried after
 * Slack accepted it does not post a second time.
 */
export function createMessageEffectPerformer(deps: MessageEffectDeps) {
  const post = async (channel: string, message: SlackMessage): Promise<string> =>
    `posted ${await postMessage(deps.client, channel, message)} in ${channel}`;
  const directMessage = (user: string, message: SlackMessage): Promise<string> =>
    postDirectMessage(deps.client, user, message);
  /** User ids, with user groups (`S…`) expanded to their members; the bot itself left out. */
  const expand = async (ids: readonly string[]): Promise<string[]> => {
    const users = new Set<string>();
    for (const id of ids) {
      if (!id.startsWith('S')) users.add(id);
      else {
        const group = await call(() => deps.client.usergroups.users.list({ usergroup: id }));
        for (const user of group.users ?? []) users.add(user);
      }
    }
    users.delete(deps.botUserId);
    users.delete(SYSTEM_ACTOR);
    return [...users];
  };
  const once = (key: string, send: () => Promise<string>) => deliverOnce(deps.deliveries, key, send);

  async function perform(effect: MessageEffect, incident: StoredIncident): Promise<string> {
    const state = opened(incident);
    const channel = incident.channelId;
    const id = incident.id;
    switch (effect.kind) {
      case 'hold.summary': {
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        const sent = await once(`hold-summary:${id}`, async () =>
          post(channel, holdSummaryMessage(state, deps.context ? await deps.context(incident) : undefined)),
        );
        return `hold summary ${sent}`;
      }
      case 'escalation.page': {
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        const seniors = await expand(deps.escalation.senior);
        if (seniors.length > 0)
          await tolerating(
            () => deps.client.conversations.invite({ channel, users: seniors.join(',') }),
            ['already_in_channel', 'cant_invite_self'],
          );
        const message = escalationPageMessage(state, seniors, openFor(state));
        const sent = await once(`escalation-page:${id}:${state.escalatedAt}`, () => post(channel, message));
        return `paged ${seniors.join(',') || 'nobody'}: ${sent}`;
      }
      case 'escalation.brief': {
        const execs = await expand(deps.escalation.exec);
        const message = escalationBriefMessage(state, channel, openFor(state));
        for (const exec of execs)
          await once(`escalation-brief:${id}:${state.escalatedAt}:${exec}`, () =>
            directMessage(exec, message),
          );
        return `briefed ${execs.join(',') || 'nobody (ESCALATION_EXEC unset)'}`;
      }
      case 'update.nudge': {
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        const sent = await once(`update-nudge:${id}:${effect.at}`, () =>
          post(channel, updateNudgeMessage(state, effect.recipient)),
        );
        return `update nudge ${sent}`;
      }
      case 'update.post': {
        if (!channel) throw new Error(`incident ${id} has no channel yet`);
        const message = stakeholderUpdateMessage(state, effect.text, effect.by);
        // Private incidents (security) keep their updates in their own channel.
        const stakeholders = deps.stakeholderChannel && !state.private ? [deps.stakeholderChannel] : [];
        const targets = [...new Set([channel, ...stakeholders, ...(effect.alsoTo ? [effect.alsoTo] : [])])];
        for (const target of targets)
          await once(`update:${id}:${effect.at}:${target}`, () => post(target, message));
        return `update posted in ${targets.join(', ')}`;
      }
      case 'postmortem.remind': {
        if (state.status !== 'resolved' && state.status !== 'closed') return 'no longer resolved';
        const dueAt = addMilliseconds(state.resolution.at, deps.postmortemDue);
        const message = postmortemReminderMessage(state, effect.n, dueAt, channel);
        const recipients = new Set<string>(effect.recipient ? [effect.recipient] : []);
        if (effect.toExec) for (const exec of await expand(deps.escalation.exec)) recipients.add(exec);
        for (const user of recipients)
          await once(`postmortem-reminder:${id}:${effect.n}:${user}`, () => directMessage(user, message));
        return `reminded ${[...recipients].join(',') || 'nobody'} (#${effect.n})`;
      }
      case 'follow-up.remind': {
        const followUp =
          state.status === 'closed' ? state.followUps.find((f) => f.id === effect.followUpId) : undefined;
        if (!followUp) return `follow-up ${effect.followUpId} not found`;
        await once(`follow-up:${id}:${followUp.id}:${effect.which}`, () =>
          directMessage(followUp.owner, followUpReminderMessage(id, state, followUp, effect.which)),
        );
        return `reminded ${followUp.owner} of follow-up ${followUp.id} (${effect.which})`;
      }
    }
  }
  return { perform };
}

/** How long the incident had been open (since opening or reopening) when it escalated. */
function openFor(state: Opened): number {
  return millisecondsBetween(state.escalationArmedAt, state.escalatedAt ?? state.escalationArmedAt);
}

function opened(incident: StoredIncident): Opened {
  if (incident.state.status === 'none') throw new Error(`incident ${incident.id} has no state`);
  return incident.state;
}
