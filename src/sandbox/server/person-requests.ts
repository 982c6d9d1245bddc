import type { PageRequest } from '../protocol.js';
import {
  appHomeOpenedEnvelope,
  blockActionPayload,
  messageShortcutPayload,
  reactionAddedEnvelope,
} from '../slack-payloads.js';
import { sendEvent, sendInteraction, sendSlashCommand } from '../slack-requests.js';
import { showAnswer } from '../slack-stand-in/index.js';
import { answerOf, DeliveryError, newEventId, type SlackClient, withMentions } from './slack-client.js';

type Request<T extends PageRequest['type']> = Extract<PageRequest, { type: T }>;

/**
 * The message box: `/incident …` goes to the bot as a signed slash command (its ack body shown to
 * the person alone), anything else is a message in the channel (the bot subscribes to no messages).
 */
export async function send(client: SlackClient, request: Request<'send'>): Promise<void> {
  const { slack } = client;
  const channel = slack.workspace.channels.get(request.channel);
  if (!channel || channel.isArchived) throw new DeliveryError('That channel is gone or archived.');
  channel.members.add(request.as);
  const text = withMentions(slack, request.text.trim());
  const target = { userId: request.as, channel: request.channel };
  if (!text.startsWith('/')) return void slack.addMessage(request.channel, { user: request.as, text });
  const command = text.split(/\s+/)[0] ?? '';
  if (command !== client.command)
    return showAnswer(slack.workspace, target, {
      text: `${command} is not a command here. The sandbox knows ${client.command}.`,
    });
  const result = await sendSlashCommand(client.target, {
    text: text.slice(command.length).trim(),
    command,
    userId: request.as,
    userName: slack.workspace.users.get(request.as)?.name ?? request.as,
    channelId: request.channel,
    channelName: channel.name,
    teamId: client.teamId,
    triggerId: slack.workspace.triggers.issue(request.as),
    responseUrl: slack.responseUrl(undefined, target),
  });
  const answer = answerOf(result, command);
  if (answer.text !== undefined || answer.blocks !== undefined) showAnswer(slack.workspace, target, answer);
}

/** A button, menu or picker: a signed `block_actions` with the message (or view) it sits on. */
export async function act(client: SlackClient, request: Request<'action'>): Promise<void> {
  const { slack } = client;
  const { at } = request;
  const message = at.kind === 'message' ? slack.workspace.message(at.channel, at.ts) : undefined;
  if (at.kind === 'message' && !message) throw new DeliveryError('That message is gone.');
  const view = at.kind === 'home' ? homeViewId(client, request.as) : at.kind === 'modal' ? at.viewId : null;
  const payload = blockActionPayload({
    actionId: request.actionId,
    userId: request.as,
    teamId: client.teamId,
    channelId: at.kind === 'message' ? at.channel : '',
    messageTs: at.kind === 'message' ? at.ts : '',
    triggerId: slack.workspace.triggers.issue(request.as),
    responseUrl:
      at.kind === 'message'
        ? slack.responseUrl(undefined, { userId: request.as, channel: at.channel })
        : null,
    actionType: request.elementType,
    ...(request.blockId ? { blockId: request.blockId } : {}),
    ...(request.value !== undefined ? { value: request.value } : {}),
    ...(request.selectedOption ? { selectedOption: request.selectedOption.value } : {}),
    ...(request.selectedUser ? { selectedUser: request.selectedUser } : {}),
    ...(request.selectedConversation ? { selectedConversation: request.selectedConversation } : {}),
    ...(message ? { message: { text: message.text, blocks: message.blocks ?? [] } } : {}),
    ...(view
      ? { container: { type: 'view', viewId: view, viewType: at.kind === 'home' ? 'home' : 'modal' } }
      : {}),
  });
  answerOf(await sendInteraction(client.target, payload), request.actionId);
}

/** The *Add to timeline* message shortcut (or any the app has): a signed `message_action`. */
export async function shortcut(client: SlackClient, request: Request<'shortcut'>): Promise<void> {
  const { slack } = client;
  const message = slack.workspace.message(request.channel, request.ts);
  if (!message) throw new DeliveryError('That message is gone.');
  const payload = messageShortcutPayload({
    callbackId: request.callbackId,
    channelId: request.channel,
    messageTs: request.ts,
    messageText: message.text,
    messageUser: message.user,
    userId: request.as,
    teamId: client.teamId,
    triggerId: slack.workspace.triggers.issue(request.as),
    responseUrl: slack.responseUrl(undefined, { userId: request.as, channel: request.channel }),
  });
  answerOf(await sendInteraction(client.target, payload), request.callbackId);
}

/** A reaction: kept on the message, and sent as a signed `reaction_added` event (📌 captures it). */
export async function react(client: SlackClient, request: Request<'react'>): Promise<void> {
  const { workspace } = client.slack;
  const message = workspace.message(request.channel, request.ts);
  if (!message) throw new DeliveryError('That message is gone.');
  if (!workspace.react(request.channel, request.ts, request.name, request.as)) return;
  const envelope = reactionAddedEnvelope({
    eventId: newEventId(),
    reaction: request.name,
    userId: request.as,
    channelId: request.channel,
    messageTs: request.ts,
    itemUser: message.user,
    teamId: client.teamId,
  });
  answerOf(await sendEvent(client.target, envelope), 'reaction_added');
}

/** Opening the app's Home tab: a signed `app_home_opened` event; the bot publishes the view. */
export async function openHome(client: SlackClient, request: Request<'open-home'>): Promise<void> {
  const envelope = appHomeOpenedEnvelope({
    eventId: newEventId(),
    userId: request.as,
    teamId: client.teamId,
  });
  answerOf(await sendEvent(client.target, envelope), 'app_home_opened');
}

/** The id Slack gave the person's latest Home tab, which a click on it names. */
function homeViewId(client: SlackClient, userId: string): string {
  const views = [...client.slack.workspace.views.values()];
  const home = views.filter((v) => v.userId === userId && v.view.type === 'home').at(-1);
  if (!home) throw new DeliveryError('The Home tab has not been published yet.');
  return home.id;
}
