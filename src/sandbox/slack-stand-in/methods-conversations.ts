import {
  type Args,
  flag,
  type MethodContext,
  type MethodHandler,
  required,
  SlackApiError,
  text,
} from './method-types.js';
import type { StandInChannel, Workspace } from './workspace.js';

const CHANNEL_NAME = /^[a-z0-9_-]+$/;

export function channelJson(channel: StandInChannel) {
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isIm && !channel.isPrivate,
    is_group: false,
    is_im: channel.isIm,
    is_private: channel.isPrivate,
    is_archived: channel.isArchived,
    is_member: true,
    created: channel.created,
    creator: channel.creator,
    topic: { value: channel.topic },
    purpose: { value: channel.purpose },
    num_members: channel.members.size,
  };
}

export function findChannel(workspace: Workspace, id: string): StandInChannel {
  const channel = workspace.channels.get(id);
  if (!channel) throw new SlackApiError('channel_not_found');
  return channel;
}

/** The conversations.* methods the bot calls. */
export const conversationMethods: Record<string, MethodHandler> = {
  'conversations.create': (args, { workspace }) => {
    const name = required(args, 'name');
    if (name.length > 80) throw new SlackApiError('invalid_name_maxlength');
    if (!CHANNEL_NAME.test(name)) throw new SlackApiError('invalid_name_specials');
    if (workspace.channelNamed(name)) throw new SlackApiError('name_taken');
    const channel = workspace.addChannel({
      name,
      isPrivate: flag(args, 'is_private'),
      members: [workspace.botUserId],
      creator: workspace.botUserId,
    });
    return { channel: channelJson(channel) };
  },

  'conversations.invite': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    if (channel.isArchived) throw new SlackApiError('is_archived');
    const users = required(args, 'users')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    if (users.some((user) => !workspace.user(user))) throw new SlackApiError('user_not_found');
    if (users.includes(workspace.botUserId)) throw new SlackApiError('cant_invite_self');
    // Slack answers already_in_channel only when nobody new was invited.
    if (users.every((user) => channel.members.has(user))) throw new SlackApiError('already_in_channel');
    for (const user of users) channel.members.add(user);
    return { channel: channelJson(channel) };
  },

  'conversations.info': (args, { workspace }) => ({
    channel: channelJson(findChannel(workspace, required(args, 'channel'))),
  }),

  'conversations.members': (args, { workspace }) => ({
    members: [...findChannel(workspace, required(args, 'channel')).members],
    response_metadata: { next_cursor: '' },
  }),

  'conversations.open': (args, { workspace }) => {
    const users = required(args, 'users').split(',');
    const user = users[0] ?? '';
    if (!workspace.user(user)) throw new SlackApiError('user_not_found');
    return { channel: { id: workspace.imWith(user).id } };
  },

  'conversations.history': (args, context) => ({
    messages: history(args, context).map(({ metadata, ...message }) =>
      flag(args, 'include_all_metadata') && metadata ? { ...message, metadata } : message,
    ),
    has_more: false,
  }),

  'conversations.replies': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    const ts = required(args, 'ts');
    const messages = workspace.messages(channel.id).filter((m) => m.ts === ts || m.threadTs === ts);
    if (messages.length === 0) throw new SlackApiError('thread_not_found');
    return { messages: messages.map(messageJson), has_more: false };
  },

  'conversations.archive': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    if (channel.isArchived) throw new SlackApiError('already_archived');
    channel.isArchived = true;
    return {};
  },

  'conversations.setPurpose': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    if (channel.isArchived) throw new SlackApiError('is_archived');
    channel.purpose = text(args, 'purpose');
    return { channel: channelJson(channel) };
  },

  /** Channels the bot can see (public ones, and private ones it is in), a page at a time. */
  'conversations.list': (args, { workspace }) => {
    const types = (text(args, 'types') || 'public_channel').split(',');
    const excludeArchived = flag(args, 'exclude_archived');
    const limit = Math.min(1000, Number(text(args, 'limit') || 100));
    const start = Number(text(args, 'cursor') || 0);
    const visible = [...workspace.channels.values()].filter(
      (c) =>
        !c.isIm &&
        (c.isPrivate
          ? types.includes('private_channel') && c.members.has(workspace.botUserId)
          : types.includes('public_channel')) &&
        !(excludeArchived && c.isArchived),
    );
    const page = visible.slice(start, start + limit);
    const next = start + limit < visible.length ? String(start + limit) : '';
    return { channels: page.map(channelJson), response_metadata: { next_cursor: next } };
  },

  'conversations.setTopic': (args, { workspace }) => {
    const channel = findChannel(workspace, required(args, 'channel'));
    channel.topic = text(args, 'topic');
    return { channel: channelJson(channel) };
  },
};

function history(args: Args, { workspace }: MethodContext) {
  const channel = findChannel(workspace, required(args, 'channel'));
  const latest = text(args, 'latest') || '9999999999.999999';
  const oldest = text(args, 'oldest') || '0';
  const inclusive = flag(args, 'inclusive');
  const limit = Number(text(args, 'limit') || 100);
  return workspace
    .messages(channel.id)
    .filter((m) => {
      const ts = Number(m.ts);
      const below = inclusive ? ts <= Number(latest) : ts < Number(latest);
      const above = inclusive ? ts >= Number(oldest) : ts > Number(oldest);
      return below && above && m.threadTs === null;
    })
    .reverse()
    .slice(0, limit)
    .map((m) => ({ ...messageJson(m), metadata: m.metadata }));
}

export function messageJson(message: {
  ts: string;
  user: string;
  text: string;
  blocks: unknown;
  threadTs: string | null;
  botId: string | null;
  reactions?: ReadonlyMap<string, ReadonlySet<string>>;
}) {
  const reactions = [...(message.reactions ?? new Map<string, ReadonlySet<string>>())].map(
    ([name, users]) => ({ name, users: [...users], count: users.size }),
  );
  return {
    type: 'message',
    ts: message.ts,
    user: message.user,
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.botId ? { bot_id: message.botId } : {}),
    ...(reactions.length > 0 ? { reactions } : {}),
  };
}
