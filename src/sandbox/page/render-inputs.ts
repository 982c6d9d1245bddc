import type { InputState } from '../protocol.js';
import { type Json, obj, optionOf, optionsOf, str } from './block-json.js';
import type { RenderContext } from './context.js';
import { h } from './dom.js';
import { plain, textObject } from './render-text.js';
import { instantToWallTime, wallTimeToInstant } from './zoned-time.js';

/** A modal's values as Slack keeps them: block id → action id → the element's state. */
export type FormValues = Record<string, Record<string, InputState>>;

/**
 * One `input` block of a modal: its label, hint, element and the error Slack shows under it.
 * What the person enters is written to `values` at once, so a re-render (an error answer) keeps it.
 */
export function renderInput(
  block: Json,
  values: FormValues,
  error: string | undefined,
  context: RenderContext,
): HTMLElement {
  const blockId = str(block, 'block_id');
  const element = obj(block, 'element') ?? {};
  const actionId = str(element, 'action_id');
  const set = (state: InputState) => {
    values[blockId] = { ...values[blockId], [actionId]: state };
  };
  const current = values[blockId]?.[actionId] ?? initialState(element);
  set(current);
  const id = `input-${blockId}-${actionId}`;
  return h(
    'div',
    { class: `kit-input${error ? ' has-error' : ''}`, 'data-block-id': blockId },
    h(
      'label',
      { class: 'input-label', for: id },
      plain(obj(block, 'label')),
      block.optional === true ? h('span', { class: 'optional' }, ' (optional)') : null,
    ),
    control(element, current, set, id, context),
    obj(block, 'hint') ? h('div', { class: 'hint' }, textObject(obj(block, 'hint'), context)) : null,
    error ? h('div', { class: 'input-error', role: 'alert' }, error) : null,
  );
}

/** The state an element starts with: its initial value, or nothing chosen. */
export function initialState(element: Json): InputState {
  switch (str(element, 'type')) {
    case 'users_select':
      return { type: 'users_select', selected_user: str(element, 'initial_user') || null };
    case 'conversations_select':
      return {
        type: 'conversations_select',
        selected_conversation: str(element, 'initial_conversation') || null,
      };
    case 'static_select':
    case 'radio_buttons': {
      const initial = obj(element, 'initial_option');
      const type = str(element, 'type') as 'static_select' | 'radio_buttons';
      return { type, selected_option: initial ? optionOf(initial) : null };
    }
    case 'checkboxes':
      return {
        type: 'checkboxes',
        selected_options: ((element.initial_options as Json[] | undefined) ?? []).map(optionOf),
      };
    case 'datepicker':
      return { type: 'datepicker', selected_date: str(element, 'initial_date') || null };
    case 'datetimepicker': {
      const initial = element.initial_date_time;
      return { type: 'datetimepicker', selected_date_time: typeof initial === 'number' ? initial : null };
    }
    default:
      return { type: 'plain_text_input', value: str(element, 'initial_value') || null };
  }
}

function control(
  element: Json,
  state: InputState,
  set: (s: InputState) => void,
  id: string,
  context: RenderContext,
): HTMLElement {
  const placeholder = plain(obj(element, 'placeholder'));
  switch (state.type) {
    case 'plain_text_input': {
      const attributes = {
        id,
        placeholder,
        maxlength: typeof element.max_length === 'number' ? element.max_length : undefined,
        oninput: (e: Event) =>
          set({ type: 'plain_text_input', value: (e.target as HTMLInputElement).value || null }),
      };
      return element.multiline === true
        ? h('textarea', { ...attributes, rows: 5 }, state.value ?? '')
        : h('input', { ...attributes, type: 'text', value: state.value ?? '' });
    }
    case 'users_select':
      return picker(id, placeholder || 'Choose a person', people(context), state.selected_user, (v) =>
        set({ type: 'users_select', selected_user: v }),
      );
    case 'conversations_select':
      return picker(
        id,
        placeholder || 'Choose a channel',
        channels(context),
        state.selected_conversation,
        (v) => set({ type: 'conversations_select', selected_conversation: v }),
      );
    case 'static_select': {
      const options = optionsOf(element).map(optionOf);
      return picker(id, placeholder || 'Choose', options, state.selected_option?.value ?? null, (v) =>
        set({ type: 'static_select', selected_option: options.find((o) => o.value === v) ?? null }),
      );
    }
    case 'radio_buttons':
    case 'checkboxes':
      return choices(element, state, set, id);
    case 'datepicker':
      return h('input', {
        id,
        type: 'date',
        value: state.selected_date ?? '',
        oninput: (e: Event) =>
          set({ type: 'datepicker', selected_date: (e.target as HTMLInputElement).value || null }),
      });
    case 'datetimepicker':
      // Wall time in the acting person's zone, as Slack's picker shows it, never the browser's zone.
      return h('input', {
        id,
        type: 'datetime-local',
        value:
          state.selected_date_time === null
            ? ''
            : instantToWallTime(state.selected_date_time * 1000, context.zone),
        oninput: (e: Event) => {
          const wall = (e.target as HTMLInputElement).value;
          set({
            type: 'datetimepicker',
            selected_date_time: wall ? Math.floor(wallTimeToInstant(wall, context.zone) / 1000) : null,
          });
        },
      });
  }
}

const people = (context: RenderContext) =>
  context.state.people
    .filter((p) => !p.isBot)
    .map((p) => ({ value: p.id, text: `${p.realName} (@${p.name})` }));
const channels = (context: RenderContext) =>
  context.state.channels.filter((c) => c.kind !== 'im').map((c) => ({ value: c.id, text: `#${c.name}` }));

function picker(
  id: string,
  placeholder: string,
  options: { value: string; text: string }[],
  chosen: string | null,
  pick: (v: string | null) => void,
) {
  return h(
    'select',
    { id, onchange: (e: Event) => pick((e.target as HTMLSelectElement).value || null) },
    h('option', { value: '', selected: chosen === null }, placeholder),
    options.map((o) => h('option', { value: o.value, selected: o.value === chosen }, o.text)),
  );
}

function choices(
  element: Json,
  initial: Extract<InputState, { type: 'radio_buttons' | 'checkboxes' }>,
  set: (s: InputState) => void,
  id: string,
) {
  const options = optionsOf(element).map(optionOf);
  const kind = initial.type;
  let picked =
    kind === 'checkboxes'
      ? [...initial.selected_options]
      : initial.selected_option
        ? [initial.selected_option]
        : [];
  const toggle = (option: { value: string; text: string }, on: boolean) => {
    const others = kind === 'checkboxes' ? picked.filter((p) => p.value !== option.value) : [];
    picked = on ? [...others, option] : others;
    set(
      kind === 'checkboxes'
        ? { type: kind, selected_options: picked }
        : { type: kind, selected_option: picked[0] ?? null },
    );
  };
  return h(
    'div',
    { class: 'choices', id },
    options.map((o) =>
      h(
        'label',
        { class: 'choice' },
        h('input', {
          type: kind === 'checkboxes' ? 'checkbox' : 'radio',
          name: id,
          value: o.value,
          checked: picked.some((p) => p.value === o.value),
          onchange: (e: Event) => toggle(o, (e.target as HTMLInputElement).checked),
        }),
        ' ',
        o.text,
      ),
    ),
  );
}
