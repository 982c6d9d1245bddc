import { z } from 'zod';

/**
 * What the page and the sandbox server say to each other. The page posts one of `pageRequest`
 * (validated here with zod before anything is sent to the bot) and reads `PageState`.
 */
const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/);
const channelId = z.string().regex(/^[CDG][A-Z0-9]{2,}$/);
const ts = z.string().regex(/^\d+\.\d+$/);
const id = z.string().min(1).max(255);
const option = z.object({ value: z.string().max(2000), text: z.string().max(2000) });

/** Where a control sits: a message in a channel, the Home tab, or a modal. */
const location = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), channel: channelId, ts }),
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('modal'), viewId: id }),
]);

/** One input's state, in Slack's `view.state.values` shape. */
const inputState = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plain_text_input'), value: z.string().max(10_000).nullable() }),
  z.object({ type: z.literal('users_select'), selected_user: userId.nullable() }),
  z.object({ type: z.literal('conversations_select'), selected_conversation: channelId.nullable() }),
  z.object({ type: z.literal('static_select'), selected_option: option.nullable() }),
  z.object({ type: z.literal('radio_buttons'), selected_option: option.nullable() }),
  z.object({ type: z.literal('checkboxes'), selected_options: z.array(option).max(100) }),
  z.object({
    type: z.literal('datepicker'),
    selected_date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
  }),
  z.object({ type: z.literal('datetimepicker'), selected_date_time: z.number().int().nullable() }),
]);
export type InputState = z.infer<typeof inputState>;

export const pageRequest = z.discriminatedUnion('type', [
  /** What was typed in the message box: `/incident …` or a plain message. */
  z.object({ type: z.literal('send'), as: userId, channel: channelId, text: z.string().min(1).max(4000) }),
  z.object({
    type: z.literal('action'),
    as: userId,
    at: location,
    actionId: id,
    blockId: id.optional(),
    elementType: z.string().max(40),
    value: z.string().max(2000).optional(),
    selectedOption: option.optional(),
    selectedUser: userId.optional(),
    selectedConversation: channelId.optional(),
  }),
  z.object({
    type: z.literal('submit'),
    as: userId,
    viewId: id,
    values: z.record(id, z.record(id, inputState)),
  }),
  z.object({ type: z.literal('close'), as: userId, viewId: id }),
  z.object({
    type: z.literal('react'),
    as: userId,
    channel: channelId,
    ts,
    name: z.string().regex(/^[a-z0-9_+-]{1,60}$/),
  }),
  z.object({ type: z.literal('shortcut'), as: userId, channel: channelId, ts, callbackId: id }),
  z.object({ type: z.literal('read'), as: userId, channel: channelId }),
  z.object({ type: z.literal('join'), as: userId, channel: channelId }),
  z.object({ type: z.literal('dismiss'), as: userId, id }),
  z.object({ type: z.literal('open-home'), as: userId }),
]);
export type PageRequest = z.infer<typeof pageRequest>;

export type PageAnswer = { readonly ok: true } | { readonly ok: false; readonly error: string };

export interface PersonView {
  readonly id: string;
  readonly name: string;
  readonly realName: string;
  readonly role: string | null;
  readonly tz: string;
  readonly isBot: boolean;
}

export interface ChannelSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: 'public' | 'private' | 'im';
  readonly member: boolean;
  readonly archived: boolean;
  readonly unread: number;
  readonly mentions: number;
}

export interface FileView {
  readonly id: string;
  readonly name: string;
  readonly title: string;
}

export interface MessageView {
  readonly ts: string;
  readonly user: string;
  readonly text: string;
  readonly blocks: readonly unknown[] | null;
  readonly files: readonly FileView[];
  readonly reactions: readonly { readonly name: string; readonly count: number; readonly mine: boolean }[];
  readonly pinned: boolean;
  readonly replies: readonly MessageView[];
  /** Only the viewer sees it (an ephemeral answer). */
  readonly ephemeralId: string | null;
}

export interface TimerView {
  readonly label: string;
  readonly fireAt: string;
  readonly dueAt: string;
  readonly rule: string;
  readonly effect: string;
  readonly cancelledBy: string;
  /** Held for the recipient's working hours, in this zone. */
  readonly heldFor: string | null;
}

export interface ChannelView {
  readonly id: string;
  readonly name: string;
  readonly kind: ChannelSummary['kind'];
  readonly member: boolean;
  readonly topic: string;
  readonly purpose: string;
  readonly messages: readonly MessageView[];
  /** Null outside an incident channel. */
  readonly timers: readonly TimerView[] | null;
}

export interface ModalView {
  readonly viewId: string;
  readonly hash: string;
  readonly view: Record<string, unknown>;
  readonly errors: Readonly<Record<string, string>>;
  /** How many views lie under it (pushed modals). */
  readonly depth: number;
}

export interface PageState {
  readonly me: string;
  readonly people: readonly PersonView[];
  readonly channels: readonly ChannelSummary[];
  readonly current: ChannelView | null;
  readonly home: Record<string, unknown> | null;
  readonly modal: ModalView | null;
  readonly command: string;
  readonly shortcuts: readonly { readonly callbackId: string; readonly name: string }[];
  readonly speed: number;
  /** The bot's clock now: the page counts down timers from it. */
  readonly now: string;
}
