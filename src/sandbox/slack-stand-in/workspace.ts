import { ChangeFeed } from './changes.js';
import { Ephemerals, type StandInEphemeral } from './ephemerals.js';
import { slackId, TsClock } from './ids.js';
import { ModalStacks } from './modal-stacks.js';
import { Triggers } from './triggers.js';

export interface StandInUser {
  readonly id: string;
  readonly name: string;
  readonly realName: string;
  readonly tz: string;
  readonly isBot: boolean;
}

export interface StandInChannel {
  readonly id: string;
  name: string;
  readonly isPrivate: boolean;
  isArchived: boolean;
  readonly isIm: boolean;
  readonly members: Set<string>;
  readonly created: number;
  /** Who created it: the bot for channels it made, a person otherwise. */
  readonly creator: string;
  topic: string;
  purpose: string;
}

export interface StandInMessage {
  readonly ts: string;
  readonly channel: string;
  readonly user: string;
  text: string;
  blocks: unknown;
  readonly threadTs: string | null;
  readonly botId: string | null;
  /** Message metadata (`event_type`, `event_payload`), returned only when history asks for it. */
  readonly metadata: unknown;
  /** Reaction name → who reacted. */
  readonly reactions: Map<string, Set<string>>;
  /** Ids of the files shared with it (an upload's initial comment). */
  readonly files: readonly string[];
}

export interface StandInView {
  readonly id: string;
  view: Record<string, unknown>;
  readonly userId: string | null;
}

export interface StandInFile {
  readonly id: string;
  readonly filename: string;
  content: string;
  title: string;
  channel: string | null;
}

/**
 * The stand-in's memory of a Slack workspace: users, channels, messages, pins, views and files.
 * Tests read it to assert what the bot left behind, not only which calls it made.
 */
/** A channel a test adds to the workspace (an id is made up when it names none). */
export interface NewChannel {
  readonly id?: string;
  readonly name: string;
  readonly isPrivate?: boolean;
  readonly isArchived?: boolean;
  readonly members?: string[];
}

export class Workspace {
  readonly users = new Map<string, StandInUser>();
  readonly userGroups = new Map<string, { id: string; handle: string; users: string[] }>();
  readonly channels = new Map<string, StandInChannel>();
  readonly views = new Map<string, StandInView>();
  /** The latest Home tab published for each user. */
  readonly homeViews = new Map<string, Record<string, unknown>>();
  readonly files = new Map<string, StandInFile>();
  /** Told of every change, so a person's screen (the sandbox page) can follow. */
  readonly changes = new ChangeFeed();
  readonly triggers: Triggers;
  /** The modals each person has open (known for views opened with a trigger id the stand-in issued). */
  readonly modals = new ModalStacks();
  readonly ephemerals = new Ephemerals();
  readonly #messages = new Map<string, StandInMessage[]>();
  readonly #pins = new Map<string, Set<string>>();
  readonly #ts: TsClock;
  #counter = 1;

  constructor(
    readonly teamId: string,
    readonly botUserId: string,
    readonly botId: string,
    /** Slack's "now": message timestamps, channel creation times, users' current UTC offsets. */
    readonly clock: { now(): Date } = { now: () => new Date() },
  ) {
    this.#ts = new TsClock(() => clock.now());
    this.triggers = new Triggers(() => clock.now());
    this.addUser({ id: botUserId, name: 'incident-commander', isBot: true });
  }

  newId(prefix: string): string {
    return slackId(prefix, this.#counter++);
  }

  addUser(user: { id: string; name: string; realName?: string; tz?: string; isBot?: boolean }): StandInUser {
    const stored = {
      id: user.id,
      name: user.name,
      realName: user.realName ?? user.name,
      tz: user.tz ?? 'Europe/London',
      isBot: user.isBot ?? false,
    };
    this.users.set(user.id, stored);
    return stored;
  }

  /** Unknown `U…` ids are people who exist in Slack but the test did not bother to describe. */
  user(id: string): StandInUser | undefined {
    return (
      this.users.get(id) ??
      (/^[UW][A-Z0-9]+$/.test(id) ? this.addUser({ id, name: id.toLowerCase() }) : undefined)
    );
  }

  addChannel(channel: NewChannel & { isIm?: boolean; creator?: string }): StandInChannel {
    const stored: StandInChannel = {
      id: channel.id ?? this.newId(channel.isIm ? 'D' : 'C'),
      name: channel.name,
      isPrivate: channel.isPrivate ?? false,
      isArchived: channel.isArchived ?? false,
      isIm: channel.isIm ?? false,
      members: new Set(channel.members ?? []),
      created: Math.floor(this.clock.now().getTime() / 1000),
      creator: channel.creator ?? 'U0SOMEONE',
      topic: '',
      purpose: '',
    };
    this.channels.set(stored.id, stored);
    return stored;
  }

  channelNamed(name: string): StandInChannel | undefined {
    return [...this.channels.values()].find((channel) => channel.name === name);
  }

  /** The direct-message channel with a user, created on first use. */
  imWith(userId: string): StandInChannel {
    const existing = [...this.channels.values()].find((c) => c.isIm && c.members.has(userId));
    return existing ?? this.addChannel({ name: userId, isIm: true, members: [userId, this.botUserId] });
  }

  addMessage(
    channel: string,
    message: {
      ts?: string;
      user: string;
      text: string;
      blocks?: unknown;
      threadTs?: string | null;
      botId?: string | null;
      metadata?: unknown;
      files?: readonly string[];
    },
  ): StandInMessage {
    const stored: StandInMessage = {
      ts: message.ts ?? this.#ts.next(),
      channel,
      user: message.user,
      text: message.text,
      blocks: message.blocks ?? null,
      threadTs: message.threadTs ?? null,
      botId: message.botId ?? null,
      metadata: message.metadata ?? null,
      reactions: new Map(),
      files: message.files ?? [],
    };
    const list = this.#messages.get(channel) ?? [];
    list.push(stored);
    list.sort((a, b) => Number(a.ts) - Number(b.ts));
    this.#messages.set(channel, list);
    return stored;
  }

  messages(channel: string): readonly StandInMessage[] {
    return this.#messages.get(channel) ?? [];
  }

  message(channel: string, ts: string): StandInMessage | undefined {
    return this.messages(channel).find((m) => m.ts === ts);
  }

  deleteMessage(channel: string, ts: string): boolean {
    const list = this.#messages.get(channel) ?? [];
    const index = list.findIndex((m) => m.ts === ts);
    if (index >= 0) list.splice(index, 1);
    return index >= 0;
  }

  /** Returns false when this person had already reacted so. */
  react(channel: string, ts: string, name: string, userId: string): boolean {
    const message = this.message(channel, ts);
    if (!message) return false;
    const users = message.reactions.get(name) ?? new Set<string>();
    message.reactions.set(name, users);
    if (users.has(userId)) return false;
    users.add(userId);
    return true;
  }

  /** A message only `userId` sees in `channel`. */
  addEphemeral(message: Omit<StandInEphemeral, 'id' | 'ts'>): StandInEphemeral {
    const stored = { ...message, id: this.newId('E'), ts: this.#ts.next() };
    this.ephemerals.add(stored);
    return stored;
  }

  /** Stores a modal or Home tab as Slack keeps it: an id, a fresh hash, empty state. */
  storeView(view: Record<string, unknown>, userId: string | null, id = this.newId('V')) {
    const stored = { ...view, id, hash: `${Date.now()}.${id}`, state: { values: {} } };
    this.views.set(id, { id, view: stored, userId });
    return stored;
  }

  pins(channel: string): readonly string[] {
    return [...(this.#pins.get(channel) ?? [])];
  }

  /** Returns false when the message was already pinned. */
  pin(channel: string, ts: string): boolean {
    const pins = this.#pins.get(channel) ?? new Set<string>();
    this.#pins.set(channel, pins);
    if (pins.has(ts)) return false;
    pins.add(ts);
    return true;
  }
}
