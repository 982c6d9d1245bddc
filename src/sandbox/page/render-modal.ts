import type { ModalView } from '../protocol.js';
import { type Json, list, obj } from './block-json.js';
import type { RenderContext } from './context.js';
import { h } from './dom.js';
import { renderBlocks } from './render-blocks.js';
import { type FormValues, renderInput } from './render-inputs.js';
import { plain } from './render-text.js';
import { missingInputs } from './validate-inputs.js';

/** What the page remembers of an open modal between renders: what was typed, and its own errors. */
export interface ModalMemory {
  hash: string;
  values: FormValues;
  localErrors: Record<string, string>;
  problem: string | null;
  busy: boolean;
}

/**
 * A modal as Slack draws it: title, ×, blocks with their inputs, the errors the app answered with
 * under their blocks, Cancel and Submit. Submitting checks required inputs first, as Slack does.
 */
export function renderModal(
  modal: ModalView,
  memory: ModalMemory,
  context: RenderContext,
  rerender: () => void,
): HTMLElement {
  const view = modal.view as Json;
  const blocks = list(view, 'blocks');
  const errors = { ...modal.errors, ...memory.localErrors };
  const close = () => void context.act({ type: 'close', viewId: modal.viewId });
  const submit = async () => {
    memory.localErrors = missingInputs(blocks, memory.values);
    memory.problem = null;
    if (Object.keys(memory.localErrors).length > 0) return rerender();
    memory.busy = true;
    rerender();
    const ok = await context.act({ type: 'submit', viewId: modal.viewId, values: memory.values });
    memory.busy = false;
    if (!ok) memory.problem = 'We had some trouble connecting. Try again?';
    rerender();
  };
  const body = renderBlocks(
    blocks,
    context,
    (used) => void context.act({ type: 'action', at: { kind: 'modal', viewId: modal.viewId }, ...used }),
    (block) => renderInput(block, memory.values, errors[String(block.block_id)], context),
  );
  const submitText = obj(view, 'submit');
  return h(
    'div',
    { class: 'modal-layer', role: 'dialog', 'aria-modal': 'true', 'aria-label': plain(obj(view, 'title')) },
    h(
      'form',
      {
        class: 'modal',
        'data-view-id': modal.viewId,
        onsubmit: (e: Event) => {
          e.preventDefault();
          void submit();
        },
      },
      h(
        'header',
        { class: 'modal-title' },
        modal.depth > 0 ? h('span', { class: 'depth' }, '‹ ') : null,
        h('h2', {}, plain(obj(view, 'title'))),
        h('button', { type: 'button', class: 'modal-x', 'aria-label': 'Close', onclick: close }, '×'),
      ),
      h('div', { class: 'modal-body' }, body),
      memory.problem ? h('div', { class: 'modal-problem', role: 'alert' }, memory.problem) : null,
      h(
        'footer',
        { class: 'modal-footer' },
        h(
          'button',
          { type: 'button', class: 'kit-button', onclick: close },
          plain(obj(view, 'close')) || 'Cancel',
        ),
        submitText
          ? h(
              'button',
              { type: 'submit', class: 'kit-button primary', disabled: memory.busy },
              plain(submitText),
            )
          : null,
      ),
    ),
  );
}
