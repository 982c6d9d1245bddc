import type { PageState } from '../protocol.js';
import { fetchState, postAction, watchChanges } from './api.js';
import { createComposer } from './composer.js';
import type { RenderContext } from './context.js';
import { h, replace } from './dom.js';
import { showFile } from './file-viewer.js';
import { renderBlocks } from './render-blocks.js';
import { renderMessages } from './render-messages.js';
import { type ModalMemory, renderModal } from './render-modal.js';
import { renderSidePanel, tickCountdowns } from './render-side-panel.js';
import { renderSidebar } from './render-sidebar.js';
import { type Regions, shell } from './shell.js';

/**
 * The sandbox page: a Slack-like screen over the stand-in. Each region is redrawn only when what it
 * shows changed, so a live update never takes away what a person is typing.
 */
const params = new URLSearchParams(location.hash.slice(1));
let me = params.get('as') ?? 'U0RILEY';
let open = params.get('open') ?? 'C0GENERAL';
let state: PageState | null = null;
let clockOffset = 0;
const expanded = new Set<string>();
const modals = new Map<string, ModalMemory>();
const drawn = new Map<string, string>();
const regions: Regions = shell(document.getElementById('app') ?? document.body);
const composer = createComposer(regions.composer, (text) => act({ type: 'send', channel: open, text }));

const context = (): RenderContext => {
  const current = state as PageState;
  const zone = current.people.find((p) => p.id === me)?.tz ?? 'UTC';
  return {
    state: current,
    zone,
    now: () => Date.now() + clockOffset,
    personName: (id) => current.people.find((p) => p.id === id)?.name ?? id,
    channelName: (id) => current.channels.find((c) => c.id === id)?.name ?? id,
    openChannel,
    act,
  };
};

async function act(request: Parameters<RenderContext['act']>[0]): Promise<boolean> {
  const answer = await postAction({ ...request, as: me } as Parameters<typeof postAction>[0]).catch(
    (error: unknown) => ({
      ok: false as const,
      error: String(error),
    }),
  );
  if (!answer.ok) toast(answer.error);
  void refresh();
  return answer.ok;
}

let loading: Promise<void> | null = null;
let again = false;
async function refresh(): Promise<void> {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    do {
      again = false;
      const fetched = await fetchState(me, open);
      state = fetched;
      clockOffset = Date.parse(fetched.now) - Date.now();
      render();
    } while (again);
  })().finally(() => {
    loading = null;
  });
  return loading;
}

function draw(region: string, key: string, paint: () => void): void {
  if (drawn.get(region) === key) return;
  drawn.set(region, key);
  paint();
}

function render(): void {
  if (!state) return;
  const ctx = context();
  const current = state.current;
  if (open !== 'home' && !current) {
    openChannel('C0GENERAL');
    return;
  }
  draw('sidebar', JSON.stringify([state.channels, me, open, Math.floor(ctx.now() / 60_000)]), () =>
    replace(regions.sidebar, renderSidebar(ctx, { open, switchTo, openChannel })),
  );
  draw(
    'header',
    JSON.stringify([open, current?.name, current?.purpose, current?.topic, current?.member]),
    () => replace(regions.header, header(ctx)),
  );
  const list = regions.messages;
  // A channel opens at its latest message and stays there while it is read; Home opens at its top.
  const switched = drawn.get('messages-of') !== open;
  drawn.set('messages-of', open);
  const atBottom =
    (switched && open !== 'home') || list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  draw(
    'messages',
    JSON.stringify([open, me, current?.messages, state.home, [...expanded], state.people]),
    () => {
      replace(
        list,
        open === 'home'
          ? home(ctx)
          : renderMessages(current?.messages ?? [], ctx, {
              channel: open,
              expanded,
              rerender: render,
              openFile: showFile,
            }),
      );
      if (atBottom) list.scrollTop = list.scrollHeight;
      else if (switched) list.scrollTop = 0;
    },
  );
  draw(
    'side',
    JSON.stringify([
      open,
      me,
      current?.timers,
      current?.messages.filter((m) => m.pinned).map((m) => [m.ts, m.text]),
    ]),
    () => replace(regions.side, current ? renderSidePanel(current, ctx) : ''),
  );
  composer.show(open === 'home' ? null : `Message #${current?.name ?? ''}: try ${state.command} help`);
  renderModalRegion(ctx);
  const summary = state.channels.find((c) => c.id === open);
  if (summary && summary.unread > 0)
    void postAction({ type: 'read', as: me, channel: open }).then(() => refresh());
}

function renderModalRegion(ctx: RenderContext): void {
  const modal = state?.modal ?? null;
  if (!modal) {
    draw('modal', '', () => replace(regions.modal));
    return;
  }
  let memory = modals.get(modal.viewId);
  if (!memory || memory.hash !== modal.hash) {
    memory = { hash: modal.hash, values: {}, localErrors: {}, problem: null, busy: false };
    modals.set(modal.viewId, memory);
  }
  const key = JSON.stringify([
    modal.viewId,
    modal.hash,
    modal.errors,
    memory.localErrors,
    memory.problem,
    memory.busy,
    me,
  ]);
  draw('modal', key, () => replace(regions.modal, renderModal(modal, memory, ctx, render)));
}

function header(ctx: RenderContext): HTMLElement {
  if (open === 'home')
    return h(
      'div',
      { class: 'channel-header' },
      h('h2', {}, '🏠 incident-commander'),
      h('span', { class: 'muted' }, 'Home'),
    );
  const current = ctx.state.current;
  if (!current) return h('div');
  return h(
    'div',
    { class: 'channel-header' },
    h(
      'h2',
      {},
      current.kind === 'im'
        ? `🤖 ${current.name}`
        : `${current.kind === 'private' ? '🔒' : '#'} ${current.name}`,
    ),
    h('span', { class: 'muted' }, current.topic || current.purpose),
    current.member
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'kit-button primary join',
            onclick: () => void act({ type: 'join', channel: open }),
          },
          'Join channel',
        ),
  );
}

function home(ctx: RenderContext): HTMLElement {
  const view = ctx.state.home;
  if (!view) return h('div', { class: 'empty' }, 'Asking the app for its Home tab…');
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  return h(
    'div',
    { class: 'home' },
    renderBlocks(blocks, ctx, (used) => void act({ type: 'action', at: { kind: 'home' }, ...used })),
  );
}

function openChannel(id: string): void {
  open = id;
  location.hash = new URLSearchParams({ as: me, open }).toString();
  if (id === 'home') void act({ type: 'open-home' });
  void refresh();
}

function switchTo(userId: string): void {
  me = userId;
  openChannel(open);
}

let toastTimer: number | undefined;
function toast(text: string): void {
  replace(regions.toast, text);
  regions.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => {
    regions.toast.hidden = true;
  }, 8_000);
}

watchChanges(() => void refresh());
setInterval(() => tickCountdowns(Date.now() + clockOffset), 1_000);
if (open === 'home') void act({ type: 'open-home' });
void refresh();
