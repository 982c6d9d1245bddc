import { isJson, type Json, list, obj, str } from './block-json.js';
import type { RenderContext } from './context.js';
import { h } from './dom.js';
import { mrkdwn } from './mrkdwn.js';
import { type OnControl, renderElement } from './render-elements.js';
import { plain, textObject } from './render-text.js';

/** How a surface renders its `input` blocks (only modals have them). */
export type InputRenderer = (block: Json) => HTMLElement;

/**
 * Block Kit blocks as Slack lays them out: header, section (text, fields, accessory), context,
 * divider, actions, image, rich_text; inputs through `renderInput` on a modal.
 */
export function renderBlocks(
  blocks: readonly unknown[],
  context: RenderContext,
  onControl: OnControl,
  renderInput?: InputRenderer,
): HTMLElement {
  return h(
    'div',
    { class: 'blocks' },
    blocks.filter(isJson).map((block) => renderBlock(block, context, onControl, renderInput)),
  );
}

function renderBlock(
  block: Json,
  context: RenderContext,
  onControl: OnControl,
  renderInput?: InputRenderer,
): HTMLElement {
  const blockId = str(block, 'block_id');
  const element = (e: Json) => renderElement(e, blockId, context, onControl);
  switch (str(block, 'type')) {
    case 'header':
      return h('h3', { class: 'kit-header' }, plain(obj(block, 'text')));
    case 'section': {
      const accessory = obj(block, 'accessory');
      const fields = list(block, 'fields');
      return h(
        'div',
        { class: 'kit-section', 'data-block-id': blockId },
        h(
          'div',
          { class: 'section-body' },
          obj(block, 'text') ? textObject(obj(block, 'text'), context) : null,
          fields.length > 0
            ? h(
                'div',
                { class: 'fields' },
                fields.map((f) => textObject(f, context)),
              )
            : null,
        ),
        accessory ? h('div', { class: 'accessory' }, element(accessory)) : null,
      );
    }
    case 'context':
      return h(
        'div',
        { class: 'kit-context' },
        list(block, 'elements').map((e) =>
          str(e, 'type') === 'image'
            ? h('span', { class: 'image-alt' }, str(e, 'alt_text'))
            : textObject(e, context),
        ),
      );
    case 'divider':
      return h('hr', { class: 'kit-divider' });
    case 'actions':
      return h(
        'div',
        { class: 'kit-actions', 'data-block-id': blockId },
        list(block, 'elements').map(element),
      );
    case 'image':
      return h('div', { class: 'image-alt' }, `[image: ${str(block, 'alt_text')}]`);
    case 'rich_text':
      return mrkdwn(richText(block), context);
    case 'input':
      return renderInput ? renderInput(block) : h('div', { class: 'unsupported' }, '[input outside a modal]');
    default:
      return h('div', { class: 'unsupported' }, `[${str(block, 'type')} block]`);
  }
}

/** A rich_text block's words (people type them; the bot posts none). */
function richText(block: Json): string {
  const words = (node: Json): string =>
    str(node, 'type') === 'user'
      ? `<@${str(node, 'user_id')}>`
      : str(node, 'text') || list(node, 'elements').map(words).join('');
  return list(block, 'elements').map(words).join('\n');
}
