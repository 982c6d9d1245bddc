import { h, replace } from './dom.js';

/** The page's fixed layout; each region is redrawn on its own. */
export interface Regions {
  readonly sidebar: HTMLElement;
  readonly header: HTMLElement;
  readonly toast: HTMLElement;
  readonly messages: HTMLElement;
  readonly composer: HTMLElement;
  readonly side: HTMLElement;
  readonly modal: HTMLElement;
}

export function shell(root: HTMLElement): Regions {
  const regions: Regions = {
    sidebar: h('div', { class: 'sidebar-region' }),
    header: h('header', { class: 'header-region' }),
    toast: h('div', { class: 'toast', role: 'status', hidden: true }),
    messages: h('div', { class: 'messages-region', 'aria-live': 'polite' }),
    composer: h('div', { class: 'composer-region' }),
    side: h('div', { class: 'side-region' }),
    modal: h('div', { class: 'modal-region' }),
  };
  replace(
    root,
    h(
      'div',
      { class: 'shell' },
      regions.sidebar,
      h('main', { class: 'main' }, regions.header, regions.toast, regions.messages, regions.composer),
      regions.side,
    ),
    regions.modal,
  );
  return regions;
}
