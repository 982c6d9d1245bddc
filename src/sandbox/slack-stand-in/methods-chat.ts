import { acceptMessage } from './limits.js';
import { type MethodHandler, required, SlackApiError, text } from './method-types.js';
import { channelJson, findChannel, messageJson } from './methods-conversations.js';
import type { Workspace } from './workspace.js';

/** A post to a user id goes to the DM with them, as Slack does. */
function targetChannel(workspace: Workspace, id: string) {
  if (/^[UW]/.test(id)) {
    if (!workspace.user(id)) throw new SlackApiError('user_not_found');
    return workspace.imWith(id);
  }
  const channel = findChannel(workspace, id);
  if (channel.isArchived) throw new SlackApiError('is_archived');
  return channel;
}

/** chat.*, pins.*, bookmarks.* and reactions.*. */
export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': (args, { workspace }) => {
    const channel = targetChannel(workspace, required(args, 'channel'));
    if (!text(args, 'text') && !args.blocks) throw new SlackApiError('no_text');
    acceptMessage(args);
    const message = workspace.addMessage(channel.id, {
      user: workspace.botUserId,
      text: text(args, 'text'),
      blocks: args.blocks,
      threadTs: text(args, 'thread_ts') || null,
      botId: workspace.botId,
      metadata: parseMetadata(args.metadata),
    });
    return {
      channel: channel.id,
      ts: message.ts,
      message: { ...messageJson(message), bot_id: workspace.botId },
    };
  },

  'chat.update': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    const message = workspace.message(channel.id, required(args, 'ts'));
    if (!message) throw new SlackApiError('message_not_found');
    if (message.user !== workspace.botUserId) throw new SlackApiError('cant_update_message');
    acceptMessage(args);
    if (args.text !== undefined) message.text = text(args, 'text');
    if (args.blocks !== undefined) message.blocks = args.blocks;
    return { channel: channel.id, ts: message.ts, text: message.text, message: messageJson(message) };
  },

  'chat.delete': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    if (!workspace.deleteMessage(channel.id, required(args, 'ts')))
      throw new SlackApiError('message_not_found');
    return { channel: channel.id, ts: text(args, 'ts') };
  },

  'chat.postEphemeral': (args, { workspace }) => {
    const channel = targetChannel(workspace, required(args, 'channel'));
    const userId = required(args, 'user');
    if (!workspace.user(userId)) throw new SlackApiError('user_not_found');
    if (!text(args, 'text') && !args.blocks) throw new SlackApiError('no_text');
    acceptMessage(args);
    const shown = workspace.addEphemeral({
      userId,
      channel: channel.id,
      text: text(args, 'text'),
      blocks: args.blocks ?? null,
    });
    return { message_ts: shown.ts };
  },

  'chat.getPermalink': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    const ts = required(args, 'message_ts');
    if (!workspace.message(channel.id, ts)) throw new SlackApiError('message_not_found');
    return {
      channel: channel.id,
      permalink: `https://example.slack.com/archives/${channel.id}/p${ts.replace('.', '')}`,
    };
  },

  'pins.add': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    const ts = required(args, 'timestamp');
    if (!workspace.message(channel.id, ts)) throw new SlackApiError('message_not_found');
    if (!workspace.pin(channel.id, ts)) throw new SlackApiError('already_pinned');
    return {};
  },

  'pins.list': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    const pinned = workspace.pins(channel.id).map((ts) => workspace.message(channel.id, ts));
    const items = pinned.flatMap((message) =>
      message ? [{ type: 'message', channel: channel.id, message: messageJson(message) }] : [],
    );
    return { items };
  },

  'bookmarks.add': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel_id'));
    return {
      bookmark: {
        id: workspace.newId('Bk'),
        channel_id: channel.id,
        title: required(args, 'title'),
        type: text(args, 'type') || 'link',
        link: text(args, 'link'),
      },
      channel: channelJson(channel).id,
    };
  },

  'reactions.add': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    const ts = required(args, 'timestamp');
    if (!workspace.message(channel.id, ts)) throw new SlackApiError('message_not_found');
    if (!workspace.react(channel.id, ts, required(args, 'name'), workspace.botUserId))
      throw new SlackApiError('already_reacted');
    return {};
  },
};

/** Message metadata arrives as JSON text in a form body, or as an object in a JSON body. */
function parseMetadata(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
