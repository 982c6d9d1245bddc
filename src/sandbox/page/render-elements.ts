import { type Json, obj, optionOf, optionsOf, str } from './block-json.js';
import type { RenderContext } from './context.js';
import { h } from './dom.js';
import { plain } from './render-text.js';

/** What a control reports when used; where it sits is added by whoever renders the surface. */
export interface UsedControl {
  readonly actionId: string;
  readonly blockId?: string;
  readonly elementType: string;
  readonly value?: string;
  readonly selectedOption?: { value: string; text: string };
  readonly selectedUser?: string;
  readonly selectedConversation?: string;
}

export type OnControl = (used: UsedControl) => void;

/**
 * An interactive element of a message, Home tab or modal `actions` block: buttons, selects,
 * overflow menus, user and channel pickers. Using one reports it at once, as in Slack.
 */
export function renderElement(
  element: Json,
  blockId: string,
  context: RenderContext,
  onControl: OnControl,
): HTMLElement {
  const type = str(element, 'type');
  const base = { actionId: str(element, 'action_id'), blockId, elementType: type };
  switch (type) {
    case 'button': {
      const url = str(element, 'url');
      return h(
        'button',
        {
          class: `kit-button ${str(element, 'style')}`,
          type: 'button',
          onclick: () => {
            if (url) window.open(url, '_blank', 'noopener');
            onControl({ ...base, ...(element.value !== undefined ? { value: str(element, 'value') } : {}) });
          },
        },
        plain(obj(element, 'text')),
      );
    }
    case 'static_select':
    case 'external_select':
      return select(
        plain(obj(element, 'placeholder')) || 'Choose…',
        optionsOf(element).map(optionOf),
        optionOf(obj(element, 'initial_option') ?? {}).value,
        (option) => onControl({ ...base, selectedOption: option }),
      );
    case 'users_select':
      return select(
        plain(obj(element, 'placeholder')) || 'Choose a person…',
        context.state.people
          .filter((p) => !p.isBot)
          .map((p) => ({ value: p.id, text: `${p.realName} (@${p.name})` })),
        str(element, 'initial_user'),
        (option) => onControl({ ...base, selectedUser: option.value }),
      );
    case 'conversations_select':
    case 'channels_select':
      return select(
        plain(obj(element, 'placeholder')) || 'Choose a channel…',
        context.state.channels
          .filter((c) => c.kind !== 'im')
          .map((c) => ({ value: c.id, text: `#${c.name}` })),
        str(element, 'initial_conversation') || str(element, 'initial_channel'),
        (option) => onControl({ ...base, selectedConversation: option.value }),
      );
    case 'overflow':
      return overflow(optionsOf(element).map(optionOf), (option) =>
        onControl({ ...base, selectedOption: option }),
      );
    case 'image':
      return h(
        'span',
        { class: 'image-alt', title: str(element, 'image_url') },
        `[image: ${str(element, 'alt_text')}]`,
      );
    default:
      return h('span', { class: 'unsupported' }, `[${type}]`);
  }
}

function select(
  placeholder: string,
  options: { value: string; text: string }[],
  initial: string,
  onPick: (option: { value: string; text: string }) => void,
): HTMLSelectElement {
  const element = h(
    'select',
    {
      class: 'kit-select',
      'aria-label': placeholder,
      onchange: () => {
        const picked = options.find((o) => o.value === element.value);
        if (picked) onPick(picked);
      },
    },
    h('option', { value: '', disabled: true, selected: initial === '' }, placeholder),
    options.map((o) => h('option', { value: o.value, selected: o.value === initial }, o.text)),
  );
  return element;
}

/** Slack's ⋯ menu: a button that opens a short list of choices. */
function overflow(
  options: { value: string; text: string }[],
  onPick: (o: { value: string; text: string }) => void,
) {
  const menu = h(
    'div',
    { class: 'overflow-menu', role: 'menu', hidden: true },
    options.map((o) =>
      h(
        'button',
        {
          type: 'button',
          role: 'menuitem',
          onclick: () => {
            menu.hidden = true;
            onPick(o);
          },
        },
        o.text,
      ),
    ),
  );
  return h(
    'span',
    { class: 'overflow' },
    h(
      'button',
      {
        type: 'button',
        class: 'kit-button overflow-button',
        'aria-label': 'More actions',
        onclick: () => (menu.hidden = !menu.hidden),
      },
      '⋯',
    ),
    menu,
  );
}
