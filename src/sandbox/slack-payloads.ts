import { randomBytes } from 'node:crypto';

/**
 * Payload builders in the shapes Slack sends (see shared/fixtures/slack), extra fields included,
 * so parsers are tested against what production delivers.
 */
/**
 * Tests only ever talk to loopback: a response_url nobody set points at a closed local port, so a
 * stray reply fails at once instead of reaching out to Slack's real hosts.
 */
export const NOWHERE_RESPONSE_URL = 'http://127.0.0.1:9/response/unset';

const triggerId = () => `${Date.now()}.${randomBytes(4).toString('hex')}`;
const user = (id: string, teamId: string) => ({
  id,
  username: id.toLowerCase(),
  name: id.toLowerCase(),
  team_id: teamId,
});
const team = (teamId: string) => ({ id: teamId, domain: 'example' });

/** Where a control sits: a message (the default), or a view such as the Home tab. */
export type ActionContainer =
  | { readonly type: 'message' }
  | { readonly type: 'view'; readonly viewId: string; readonly viewType: 'home' | 'modal' };

export function blockActionPayload(input: {
  actionId: string;
  value?: string;
  userId: string;
  channelId: string;
  messageTs: string;
  teamId?: string;
  blockId?: string;
  triggerId?: string;
  /** Null: none, as for controls on the Home tab. */
  responseUrl?: string | null;
  selectedUser?: string;
  /** An overflow menu or select: the chosen option's value. */
  selectedOption?: string;
  /** A conversations picker: the chosen channel. */
  selectedConversation?: string;
  /** The element's type when the fields above do not tell it (a static select rather than an overflow). */
  actionType?: string;
  /** The message the control is on, as Slack sends it back (default: a header with no blocks). */
  message?: { readonly text: string; readonly blocks: unknown };
  container?: ActionContainer;
}): Record<string, unknown> {
  const teamId = input.teamId ?? 'T0001';
  const container = input.container ?? { type: 'message' };
  const where =
    container.type === 'view'
      ? {
          container: { type: 'view', view_id: container.viewId },
          view: { id: container.viewId, type: container.viewType, team_id: teamId },
        }
      : {
          container: {
            type: 'message',
            message_ts: input.messageTs,
            channel_id: input.channelId,
            is_ephemeral: false,
          },
          channel: { id: input.channelId, name: 'incident-channel' },
          message: {
            type: 'message',
            subtype: 'bot_message',
            text: input.message?.text ?? 'header',
            ts: input.messageTs,
            bot_id: 'BBOT',
            app_id: 'A123456',
            team: teamId,
            blocks: input.message?.blocks ?? [],
          },
        };
  return {
    type: 'block_actions',
    user: user(input.userId, teamId),
    api_app_id: 'A123456',
    token: '9s8d9as89d8as9d8as989',
    ...where,
    trigger_id: input.triggerId ?? triggerId(),
    team: team(teamId),
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    ...(input.responseUrl === null ? {} : { response_url: input.responseUrl ?? NOWHERE_RESPONSE_URL }),
    actions: [
      {
        action_id: input.actionId,
        block_id: input.blockId ?? 'block',
        ...(input.value !== undefined
          ? {
              value: input.value,
              type: 'button',
              text: { type: 'plain_text', text: input.value, emoji: true },
            }
          : {}),
        ...(input.selectedUser !== undefined
          ? { selected_user: input.selectedUser, type: 'users_select' }
          : {}),
        ...(input.selectedConversation !== undefined
          ? { selected_conversation: input.selectedConversation, type: 'conversations_select' }
          : {}),
        ...(input.selectedOption !== undefined
          ? {
              selected_option: {
                text: { type: 'plain_text', text: input.selectedOption },
                value: input.selectedOption,
              },
              type: 'overflow',
            }
          : {}),
        ...(input.actionType !== undefined ? { type: input.actionType } : {}),
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

export function viewSubmissionPayload(input: {
  callbackId: string;
  values: Record<string, Record<string, unknown>>;
  privateMetadata?: string;
  userId: string;
  teamId?: string;
  /** Slack's id of the modal being submitted: the same on every submission of one modal. Default: a new modal's. */
  viewId?: string;
  /** The modal as it was opened (title, blocks, submit, …), sent back as Slack does. Default: a bare frame. */
  view?: Record<string, unknown>;
}): Record<string, unknown> {
  const teamId = input.teamId ?? 'T0001';
  const viewId = input.viewId ?? `V${randomBytes(5).toString('hex').toUpperCase()}`;
  return {
    type: 'view_submission',
    team: team(teamId),
    user: user(input.userId, teamId),
    api_app_id: 'A123456',
    token: '9s8d9as89d8as9d8as989',
    trigger_id: triggerId(),
    view: {
      team_id: teamId,
      type: 'modal',
      external_id: '',
      hash: '156663117.cd33ad1f',
      title: { type: 'plain_text', text: 'Modal', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: 'A123456',
      app_installed_team_id: teamId,
      bot_id: 'BBOT',
      blocks: [],
      ...input.view,
      id: viewId,
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '',
      state: { values: input.values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function messageShortcutPayload(input: {
  callbackId: string;
  channelId: string;
  messageTs: string;
  messageText: string;
  messageUser: string;
  userId: string;
  teamId?: string;
  responseUrl?: string;
  triggerId?: string;
}): Record<string, unknown> {
  const teamId = input.teamId ?? 'T0001';
  return {
    type: 'message_action',
    token: 'Nj2rfC2hU8mAfgaJLemZgO7H',
    action_ts: `${Date.now() / 1000}`,
    team: team(teamId),
    user: user(input.userId, teamId),
    channel: { id: input.channelId, name: 'incident-channel' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: input.triggerId ?? triggerId(),
    response_url: input.responseUrl ?? NOWHERE_RESPONSE_URL,
    message_ts: input.messageTs,
    message: {
      client_msg_id: randomBytes(8).toString('hex'),
      type: 'message',
      text: input.messageText,
      user: input.messageUser,
      ts: input.messageTs,
      team: teamId,
      blocks: [
        {
          type: 'rich_text',
          block_id: 'abc',
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: input.messageText }] }],
        },
      ],
    },
  };
}

function envelope(eventId: string, teamId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'XXYYZZ',
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: 'A123456',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(8).toString('hex')}`,
  };
}

export function reactionAddedEnvelope(input: {
  eventId: string;
  reaction: string;
  userId: string;
  channelId: string;
  messageTs: string;
  itemUser: string;
  teamId?: string;
}): Record<string, unknown> {
  return envelope(input.eventId, input.teamId ?? 'T0001', {
    type: 'reaction_added',
    user: input.userId,
    reaction: input.reaction,
    item_user: input.itemUser,
    item: { type: 'message', channel: input.channelId, ts: input.messageTs },
    event_ts: `${Date.now() / 1000}`,
  });
}

export function appHomeOpenedEnvelope(input: {
  eventId: string;
  userId: string;
  teamId?: string;
}): Record<string, unknown> {
  return envelope(input.eventId, input.teamId ?? 'T0001', {
    type: 'app_home_opened',
    user: input.userId,
    channel: 'D0LAN2Q65',
    tab: 'home',
    event_ts: `${Date.now() / 1000}`,
  });
}

/** `app_uninstalled`: the app was removed from the workspace (Slack revokes its tokens too). */
export function appUninstalledEnvelope(input: { eventId: string; teamId: string }): Record<string, unknown> {
  return envelope(input.eventId, input.teamId, { type: 'app_uninstalled', event_ts: `${Date.now() / 1000}` });
}

/** `tokens_revoked`: the bot's token (by its user id) and/or people's tokens were revoked. */
export function tokensRevokedEnvelope(input: {
  eventId: string;
  teamId: string;
  bot?: string[];
  oauth?: string[];
}): Record<string, unknown> {
  return envelope(input.eventId, input.teamId, {
    type: 'tokens_revoked',
    tokens: { ...(input.bot ? { bot: input.bot } : {}), ...(input.oauth ? { oauth: input.oauth } : {}) },
    event_ts: `${Date.now() / 1000}`,
  });
}
