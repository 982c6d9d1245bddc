import type { App, RespondFn } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { CommandOutcome, CommandRequest } from '../../../../app/commands/command-core.js';
import type { StoredIncident } from '../../../../app/ports/incident-store.js';
import { canSee } from '../../../../domain/index.js';
import { type BlockAction, blockActionSchema, teamOf } from '../../parse/block-action.js';
import type { ListenerDeps } from '../deps.js';
import { answerFailure, failureReply, logFailure, newRef, STILL_WORKING } from './failure.js';
import { inTime } from './in-time.js';
import { replyPrivately } from './reply.js';

/** A control someone used, with the incident it belongs to. */
export interface Click {
  readonly payload: BlockAction;
  readonly action: BlockAction['actions'][number];
  readonly incident: StoredIncident;
  readonly teamId: string;
  readonly userId: string;
  /** The channel the control sits in; null outside a channel (App Home). */
  readonly channelId: string | null;
  readonly triggerId: string | null;
  readonly now: string;
  /** The id after the incident's in a `<incident id>|<thing id>` value (a follow-up, say). */
  readonly thingId: string | null;
  /** For controls whose answer is a fresh App Home rather than a message. */
  readonly client: WebClient;
}

/** What a control does: a change, a modal to open, or just an answer. */
export type Reaction =
  | {
      readonly command: CommandRequest['command'];
      readonly answer?: (outcome: Extract<CommandOutcome, { ok: true }>) => string | null;
    }
  | { readonly modal: View }
  | { readonly reply: string };

export interface BlockActionSpec {
  readonly actionId: string | RegExp;
  /**
   * How the control names its incident: `channel`, the incident channel it sits in (the header and
   * messages in it); `value`, its value `<incident id>[|<thing id>]` (direct messages, App Home,
   * the postmortem channel), bound to the person's workspace and visibility by the command core.
   */
  readonly locate: 'channel' | 'value' | 'value-or-channel';
  /** The value to read the incident from, when not the action's own (a menu's chosen option). */
  readonly valueFrom?: (payload: BlockAction) => string | undefined;
  readonly react: (click: Click, deps: ListenerDeps) => Reaction | Promise<Reaction>;
  /**
   * A control on App Home has no message to answer under: after a change, Home is published
   * again instead (it shows the result).
   */
  readonly refreshHome?: (click: Click) => Promise<void>;
}

const uuid = z.string().uuid();
const COULD_NOT_READ = 'Sorry, I could not read that. Please try again.';
export const UNKNOWN_CONTROL = 'This control belongs to no incident I know of; it may be out of date.';

/**
 * Every header button, menu and picker the same way: parse, find the incident, ask for the change
 * and ack once it is saved (Slack shows a warning on a control whose ack never came, so a click
 * lost to a crash is visible). The answer follows privately, after the ack.
 */
export function onBlockAction(app: App, deps: ListenerDeps, spec: BlockActionSpec): void {
  app.action(spec.actionId, async ({ body, ack, respond }) => {
    const tell = (text: string) =>
      deps.later({ what: 'reply' }, () => replyPrivately(respond, text, deps.logger));
    const parsed = blockActionSchema.safeParse(body);
    const action = parsed.success ? parsed.data.actions[0] : undefined;
    if (!parsed.success || !action) {
      deps.logger.warn(
        { issues: parsed.error?.issues, actionId: String(spec.actionId) },
        'block action did not parse',
      );
      await ack();
      return tell(COULD_NOT_READ);
    }
    const payload = parsed.data;
    const teamId = teamOf(payload) ?? '';
    const client = await deps.clientFor(teamId);
    const channelId = payload.container.channel_id ?? payload.channel?.id ?? null;
    const ref = newRef();
    const context = {
      what: `control ${action.action_id}`,
      teamId,
      channelId,
      userId: payload.user.id,
      command: action.action_id,
    };
    try {
      const located = await locate(deps, spec, payload, teamId, channelId);
      if (!located) {
        await ack();
        return tell(UNKNOWN_CONTROL);
      }
      const click: Click = {
        payload,
        action,
        incident: located.incident,
        teamId,
        userId: payload.user.id,
        channelId,
        triggerId: payload.trigger_id ?? null,
        now: deps.clock.now().toISOString(),
        thingId: located.thingId,
        client,
      };
      const reaction = await spec.react(click, deps);
      if ('reply' in reaction) {
        await ack();
        return tell(reaction.reply);
      }
      if ('modal' in reaction) {
        await ack();
        return openModal(deps, client, click, reaction.modal, respond, ref);
      }
      const origin = { teamId, userId: click.userId, channelId: located.bindToChannel ? channelId : null };
      const work = deps.commands.run({ incidentId: located.incident.id, command: reaction.command, origin });
      const answered = await inTime(work, deps.answerWithinMs);
      await ack();
      const answerOf = (outcome: CommandOutcome): string | null =>
        !outcome.ok
          ? outcome.rejection.message
          : outcome.notice
            ? outcome.notice.message
            : (reaction.answer?.(outcome) ?? null);
      if (answered.done) {
        const text = answerOf(answered.value);
        if (answered.value.ok && spec.refreshHome && payload.container.type === 'view')
          return deps.later(context, () => spec.refreshHome?.(click) ?? Promise.resolve());
        if (text) tell(text);
        return;
      }
      tell(STILL_WORKING);
      deps.later(context, async () => {
        const text = await answered.rest.then(answerOf, (error: unknown) => {
          logFailure(deps.logger, error, ref, context);
          return failureReply(error, ref);
        });
        await replyPrivately(respond, text ?? 'Saved.', deps.logger);
      });
    } catch (error) {
      await answerFailure(deps.logger, { error, ref, context }, ack, tell);
    }
  });
}

async function locate(
  deps: ListenerDeps,
  spec: BlockActionSpec,
  payload: BlockAction,
  teamId: string,
  channelId: string | null,
): Promise<{ incident: StoredIncident; thingId: string | null; bindToChannel: boolean } | null> {
  if (spec.locate !== 'channel') {
    const [incidentId = '', thingId] = (spec.valueFrom?.(payload) ?? payload.actions[0]?.value ?? '').split(
      '|',
    );
    if (uuid.safeParse(incidentId).success) {
      const incident = await deps.store.findById(incidentId);
      // The command core binds every change again inside its transaction; this check keeps a
      // forged id from even opening a form that shows another workspace's or a private incident.
      if (!incident || incident.teamId !== teamId || incident.state.status === 'none') return null;
      const inChannel = channelId !== null && channelId === incident.channelId;
      // A control in an incident's channel is that incident's: one naming another was tampered with.
      if (channelId !== null && !inChannel && (await deps.store.findByChannel(teamId, channelId)))
        return null;
      if (!canSee(incident.state, { userId: payload.user.id, inChannel })) return null;
      return { incident, thingId: thingId ?? null, bindToChannel: false };
    }
    if (spec.locate === 'value') return null;
  }
  if (!teamId || !channelId) return null;
  const incident = await deps.store.findByChannel(teamId, channelId);
  return incident ? { incident, thingId: null, bindToChannel: true } : null;
}

function openModal(
  deps: ListenerDeps,
  client: WebClient,
  click: Click,
  view: View,
  respond: RespondFn | undefined,
  ref: string,
): void {
  const triggerId = click.triggerId;
  if (!triggerId) return;
  deps.later({ what: 'views.open', userId: click.userId, incidentId: click.incident.id }, async () => {
    try {
      await client.views.open({ trigger_id: triggerId, view });
    } catch (error) {
      logFailure(deps.logger, error, ref, {
        what: 'opening a form',
        userId: click.userId,
        incidentId: click.incident.id,
      });
      await replyPrivately(
        respond,
        `I could not open the form; Slack said no. Try again. (ref ${ref})`,
        deps.logger,
      );
    }
  });
}
