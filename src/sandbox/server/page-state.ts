import type { Clock } from '../../app/ports/clock.js';
import { SAMPLE_PEOPLE } from '../people.js';
import type {
  ChannelSummary,
  ChannelView,
  MessageView,
  PageState,
  PersonView,
  TimerView,
} from '../protocol.js';
import type { StandInChannel, StandInMessage, Workspace } from '../slack-stand-in/index.js';
import type { ReadMarks } from './read-marks.js';

export interface PageStateDeps {
  readonly workspace: Workspace;
  readonly readMarks: ReadMarks;
  readonly clock: Clock;
  readonly command: string;
  readonly shortcuts: PageState['shortcuts'];
  readonly speed: number;
  readonly timersOf: (channel: string) => Promise<readonly TimerView[] | null>;
}

/** What `me` sees: the channels they can open, the one they are in (or Home), their modal. */
export async function pageState(deps: PageStateDeps, me: string, open: string | null): Promise<PageState> {
  const { workspace } = deps;
  const visible = [...workspace.channels.values()].filter((c) => canOpen(c, me));
  const channel = open && open !== 'home' ? visible.find((c) => c.id === open) : undefined;
  const top = workspace.modals.stack(me).at(-1);
  const modal = top ? workspace.views.get(top) : undefined;
  return {
    me,
    people: [...workspace.users.values()].map(
      (user): PersonView => ({
        id: user.id,
        name: user.name,
        realName: user.realName,
        role: SAMPLE_PEOPLE.find((p) => p.id === user.id)?.role ?? null,
        tz: user.tz,
        isBot: user.isBot,
      }),
    ),
    channels: visible.map((c) => summary(deps, c, me)),
    current: channel ? await channelView(deps, channel, me) : null,
    home: open === 'home' ? (workspace.homeViews.get(me) ?? null) : null,
    modal: modal
      ? {
          viewId: modal.id,
          hash: String(modal.view.hash ?? ''),
          view: modal.view,
          errors: workspace.modals.errorsOf(modal.id),
          depth: workspace.modals.stack(me).length - 1,
        }
      : null,
    command: deps.command,
    shortcuts: deps.shortcuts,
    speed: deps.speed,
    now: deps.clock.now().toISOString(),
  };
}

/** Public channels anyone may open (and join); private ones and direct messages only their members. */
function canOpen(channel: StandInChannel, me: string): boolean {
  return channel.members.has(me) || (!channel.isPrivate && !channel.isIm);
}

/** A channel as the sidebar names it: a direct message by the other person in it (the bot). */
function identity(workspace: Workspace, channel: StandInChannel, me: string) {
  const other = [...channel.members].find((id) => id !== me) ?? '';
  return {
    id: channel.id,
    name: channel.isIm ? (workspace.users.get(other)?.name ?? other) : channel.name,
    kind: channel.isIm ? ('im' as const) : channel.isPrivate ? ('private' as const) : ('public' as const),
    member: channel.members.has(me),
  };
}

function summary(deps: PageStateDeps, channel: StandInChannel, me: string): ChannelSummary {
  const unread = deps.workspace
    .messages(channel.id)
    .filter((m) => m.user !== me && deps.readMarks.isUnread(me, channel.id, m.ts));
  const mentions = channel.isIm ? unread : unread.filter((m) => mentioned(m, me));
  return {
    ...identity(deps.workspace, channel, me),
    archived: channel.isArchived,
    unread: unread.length,
    mentions: mentions.length,
  };
}

const mentioned = (message: StandInMessage, me: string): boolean =>
  `${message.text}${JSON.stringify(message.blocks ?? '')}`.includes(`<@${me}`);

async function channelView(deps: PageStateDeps, channel: StandInChannel, me: string): Promise<ChannelView> {
  const { workspace } = deps;
  const all = workspace.messages(channel.id);
  const pins = new Set(workspace.pins(channel.id));
  const view = (m: StandInMessage): MessageView => ({
    ts: m.ts,
    user: m.user,
    text: m.text,
    blocks: Array.isArray(m.blocks) ? m.blocks : null,
    files: m.files.flatMap((id) => {
      const file = workspace.files.get(id);
      return file ? [{ id, name: file.filename, title: file.title || file.filename }] : [];
    }),
    reactions: [...m.reactions].map(([name, users]) => ({ name, count: users.size, mine: users.has(me) })),
    pinned: pins.has(m.ts),
    replies: all.filter((r) => r.threadTs === m.ts && r.ts !== m.ts).map(view),
    ephemeralId: null,
  });
  const ephemerals = workspace.ephemerals.of(me, channel.id).map(
    (e): MessageView => ({
      ts: e.ts,
      user: workspace.botUserId,
      text: e.text,
      blocks: Array.isArray(e.blocks) ? e.blocks : null,
      files: [],
      reactions: [],
      pinned: false,
      replies: [],
      ephemeralId: e.id,
    }),
  );
  const messages = [...all.filter((m) => m.threadTs === null).map(view), ...ephemerals].sort(
    (a, b) => Number(a.ts) - Number(b.ts),
  );
  return {
    ...identity(workspace, channel, me),
    topic: channel.topic,
    purpose: channel.purpose,
    messages,
    timers: await deps.timersOf(channel.id),
  };
}
