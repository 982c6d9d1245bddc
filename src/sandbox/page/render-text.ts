import { type Json, str } from './block-json.js';
import type { RenderContext } from './context.js';
import { h } from './dom.js';
import { withEmoji } from './emoji.js';
import { mrkdwn } from './mrkdwn.js';

/** A text object: mrkdwn rendered, plain_text as text (with emoji unless turned off). */
export function textObject(text: Json | undefined, context: RenderContext): HTMLElement {
  if (!text) return h('span');
  if (str(text, 'type') === 'mrkdwn') return mrkdwn(str(text, 'text'), context);
  return h(
    'span',
    { class: 'plain' },
    text.emoji === false ? str(text, 'text') : withEmoji(str(text, 'text')),
  );
}

/** A plain text object's words (labels, placeholders, button text). */
export const plain = (text: Json | undefined): string =>
  text?.emoji === false ? str(text, 'text') : withEmoji(str(text, 'text'));
