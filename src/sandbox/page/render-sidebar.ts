import type { ChannelSummary } from '../protocol.js';
import type { RenderContext } from './context.js';
import { h } from './dom.js';
import { formatIn } from './zoned-time.js';

export interface SidebarOptions {
  readonly open: string;
  readonly switchTo: (userId: string) => void;
  readonly openChannel: (id: string) => void;
}

/** Who you act as, the app's Home, channels and direct messages with their unread marks. */
export function renderSidebar(context: RenderContext, options: SidebarOptions): HTMLElement {
  const { state } = context;
  const people = state.people.filter((p) => !p.isBot);
  const channels = state.channels.filter((c) => c.kind !== 'im');
  const ims = state.channels.filter((c) => c.kind === 'im');
  return h(
    'nav',
    { class: 'sidebar', 'aria-label': 'Workspace' },
    h('div', { class: 'workspace-name' }, 'Sandbox workspace'),
    h(
      'label',
      { class: 'acting-as' },
      'Acting as',
      h(
        'select',
        { id: 'acting-as', onchange: (e: Event) => options.switchTo((e.target as HTMLSelectElement).value) },
        people.map((p) =>
          h('option', { value: p.id, selected: p.id === state.me }, `${p.realName} (${p.role ?? 'member'})`),
        ),
      ),
    ),
    h(
      'div',
      { class: 'my-zone' },
      `${context.zone} · ${formatIn(context.now(), context.zone, { weekday: 'short', hour: '2-digit', minute: '2-digit' })} there`,
    ),
    section('Apps', [entry('home', '🏠 incident-commander Home', options, null)]),
    section(
      'Channels',
      channels.map((c) => entry(c.id, `${c.kind === 'private' ? '🔒' : '#'} ${c.name}`, options, c)),
    ),
    ims.length > 0
      ? section(
          'Direct messages',
          ims.map((c) => entry(c.id, `🤖 ${c.name}`, options, c)),
        )
      : null,
  );
}

function section(title: string, entries: HTMLElement[]): HTMLElement {
  return h('div', { class: 'sidebar-section' }, h('h4', {}, title), h('ul', {}, entries));
}

function entry(
  id: string,
  label: string,
  options: SidebarOptions,
  channel: ChannelSummary | null,
): HTMLElement {
  const unread = channel !== null && channel.unread > 0 && id !== options.open;
  const classes = [
    'channel-entry',
    id === options.open ? 'open' : '',
    unread ? 'unread' : '',
    channel && !channel.member ? 'not-member' : '',
    channel?.archived ? 'archived' : '',
  ];
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: classes.filter(Boolean).join(' '),
        'data-channel': id,
        onclick: () => options.openChannel(id),
      },
      h('span', { class: 'channel-label' }, label),
      unread && channel && channel.mentions > 0
        ? h('span', { class: 'badge', 'aria-label': 'mentions' }, String(channel.mentions))
        : null,
    ),
  );
}
