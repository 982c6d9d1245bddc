import type { MessageView } from '../protocol.js';
import type { RenderContext } from './context.js';
import { h } from './dom.js';
import { emoji } from './emoji.js';
import { mrkdwn } from './mrkdwn.js';
import { renderBlocks } from './render-blocks.js';
import { formatIn } from './zoned-time.js';

export interface MessageListOptions {
  readonly channel: string;
  /** Threads the person opened. */
  readonly expanded: Set<string>;
  readonly rerender: () => void;
  readonly openFile: (id: string, title: string) => void;
}

/** A channel's messages, oldest first, with blocks, files, reactions, threads and the hover tools. */
export function renderMessages(
  messages: readonly MessageView[],
  context: RenderContext,
  options: MessageListOptions,
): HTMLElement {
  if (messages.length === 0) return h('div', { class: 'empty' }, 'No messages yet.');
  return h(
    'div',
    { class: 'message-list' },
    messages.map((m) => renderMessage(m, context, options, false)),
  );
}

function renderMessage(
  message: MessageView,
  context: RenderContext,
  options: MessageListOptions,
  inThread: boolean,
): HTMLElement {
  const person = context.state.people.find((p) => p.id === message.user);
  const isBot = person?.isBot ?? false;
  const ephemeral = message.ephemeralId !== null;
  const at = { kind: 'message' as const, channel: options.channel, ts: message.ts };
  const onControl = ephemeral
    ? () => window.alert('The bot’s private answers carry no controls; this one is text only.')
    : (used: Parameters<Parameters<typeof renderBlocks>[2]>[0]) =>
        void context.act({ type: 'action', at, ...used });
  const body =
    message.blocks && message.blocks.length > 0
      ? renderBlocks(message.blocks, context, onControl)
      : mrkdwn(message.text, context);
  return h(
    'article',
    {
      class: `message${ephemeral ? ' ephemeral' : ''}${message.pinned ? ' pinned' : ''}`,
      'data-ts': message.ts,
    },
    h('div', { class: `avatar${isBot ? ' bot' : ''}` }, isBot ? '🤖' : (person?.realName ?? '?').slice(0, 1)),
    h(
      'div',
      { class: 'content' },
      h(
        'div',
        { class: 'meta' },
        h('strong', {}, person?.realName ?? message.user),
        isBot ? h('span', { class: 'app-badge' }, 'APP') : null,
        h(
          'time',
          {},
          formatIn(Number(message.ts) * 1000, context.zone, {
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
          }),
        ),
        message.pinned ? h('span', { class: 'pin-mark' }, '📌 Pinned') : null,
      ),
      body,
      message.files.map((file) =>
        h(
          'button',
          { type: 'button', class: 'file-card', onclick: () => options.openFile(file.id, file.title) },
          h('span', { class: 'file-icon' }, '📄'),
          h('span', {}, h('strong', {}, file.title), h('br'), file.name),
        ),
      ),
      message.reactions.length > 0
        ? h(
            'div',
            { class: 'reactions' },
            message.reactions.map((r) =>
              h('span', { class: `reaction${r.mine ? ' mine' : ''}` }, `${emoji(r.name)} ${r.count}`),
            ),
          )
        : null,
      ephemeral
        ? h(
            'div',
            { class: 'ephemeral-note' },
            '👁 Only visible to you · ',
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: () => void context.act({ type: 'dismiss', id: message.ephemeralId ?? '' }),
              },
              'Dismiss',
            ),
          )
        : null,
      inThread ? null : thread(message, context, options),
    ),
    ephemeral ? null : tools(message, context, options),
  );
}

function thread(
  message: MessageView,
  context: RenderContext,
  options: MessageListOptions,
): HTMLElement | null {
  if (message.replies.length === 0) return null;
  const open = options.expanded.has(message.ts);
  const toggle = () => {
    if (open) options.expanded.delete(message.ts);
    else options.expanded.add(message.ts);
    options.rerender();
  };
  const count = `${message.replies.length} ${message.replies.length === 1 ? 'reply' : 'replies'}`;
  return h(
    'div',
    { class: 'thread' },
    h(
      'button',
      { type: 'button', class: 'link thread-toggle', onclick: toggle },
      open ? `Hide ${count}` : count,
    ),
    open
      ? h(
          'div',
          { class: 'replies' },
          message.replies.map((r) => renderMessage(r, context, options, true)),
        )
      : null,
  );
}

/** On hover, as in Slack: 📌 (a `reaction_added` event) and the app's message shortcuts. */
function tools(message: MessageView, context: RenderContext, options: MessageListOptions): HTMLElement {
  const at = { channel: options.channel, ts: message.ts };
  return h(
    'div',
    { class: 'message-tools' },
    h(
      'button',
      {
        type: 'button',
        title: 'React with 📌',
        'aria-label': 'React with pushpin',
        onclick: () => void context.act({ type: 'react', ...at, name: 'pushpin' }),
      },
      '📌',
    ),
    context.state.shortcuts.map((s) =>
      h(
        'button',
        {
          type: 'button',
          class: 'shortcut',
          onclick: () => void context.act({ type: 'shortcut', ...at, callbackId: s.callbackId }),
        },
        `⚡ ${s.name}`,
      ),
    ),
  );
}
