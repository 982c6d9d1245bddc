import type { WebClient } from '@slack/web-api';
import type { Effect } from '../../../app/effects.js';
import type { IncidentContext } from '../../../app/incident-context.js';
import { type Deliveries, deliverOnce } from '../../../app/ports/deliveries.js';
import type { IncidentStore, StoredIncident } from '../../../app/ports/incident-store.js';
import { addMilliseconds, escalationBrief, type IncidentState, SYSTEM_ACTOR } from '../../../domain/index.js';
import { escalationBriefMessage, escalationPageMessage } from '../views/escalation-messages.js';
import type { SlackMessage } from '../views/format.js';
import {
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
  /** The timeline, for what an escalation message quotes (the last update, when a fix went in). */
  readonly store: IncidentStore;
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
  /** The escalation at `at` (rows from before the policy name none: the first), with its timeline. */
  const briefFor = async (incident: StoredIncident, at: string | undefined) => {
    const state = opened(incident);
    const events = (await deps.store.events(incident.id)).map((stored) => stored.event);
    return escalationBrief(state, events, at ?? state.escalatedAt);
  };
  /** A drill's VP brief reaches its commander alone (the channel, while nobody is commander). */
  const briefDrillCommander = async (
    key: string,
    commander: string | null,
    channel: string | null,
    message: SlackMessage,
  ): Promise<string> => {
    if (commander) {
      await once(`${key}:${commander}`, () => directMessage(commander, message));
      return `drill: briefed the commander ${commander} only`;
    }
    if (!channel) throw new Error('the drill has no channel yet');
    const sent = await once(`${key}:channel`, () => post(channel, message));
    return `drill: nobody is commander; brief ${sent}`;
  };

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
        const brief = await briefFor(incident, effect.at);
        if (!brief) return 'no escalation recorded; nothing to page';
        const key = `escalation-page:${id}:${brief.escalation.at}`;
        // A drill pages nobody: the message, labelled, mentions its commander in its own channel.
        if (state.drill) {
          const sent = await once(key, () => post(channel, escalationPageMessage(brief, channel, [])));
          return `drill: paged nobody: ${sent}`;
        }
        const seniors = await expand(deps.escalation.senior);
        if (seniors.length > 0)
          await tolerating(
            () => deps.client.conversations.invite({ channel, users: seniors.join(',') }),
            ['already_in_channel', 'cant_invite_self'],
          );
        const sent = await once(key, () => post(channel, escalationPageMessage(brief, channel, seniors)));
        return `paged ${seniors.join(',') || 'nobody'}: ${sent}`;
      }
      case 'escalation.brief': {
        const brief = await briefFor(incident, effect.at);
        if (!brief) return 'no escalation recorded; nothing to brief';
        const message = escalationBriefMessage(brief, channel);
        const key = `escalation-brief:${id}:${brief.escalation.at}`;
        if (state.drill) return briefDrillCommander(key, state.roles.commander, channel, message);
        const execs = await expand(deps.escalation.exec);
        for (const exec of execs) await once(`${key}:${exec}`, () => directMessage(exec, message));
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

function opened(incident: StoredIncident): Opened {
  if (incident.state.status === 'none') throw new Error(`incident ${incident.id} has no state`);
  return incident.state;
}
