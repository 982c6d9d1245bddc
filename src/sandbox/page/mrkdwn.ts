import type { RenderContext } from './context.js';
import { h } from './dom.js';
import { emoji } from './emoji.js';
import { renderSlackDate } from './slack-date.js';

/**
 * Slack's mrkdwn as DOM nodes (never HTML strings): *bold*, _italic_, ~strike~, `code`, ```blocks```,
 * > quotes, line breaks, :emoji:, and the `<…>` forms: people, channels, special mentions, dates, links.
 */
export function mrkdwn(text: string, context: RenderContext): HTMLElement {
  const root = h('div', { class: 'mrkdwn' });
  const parts = text.split(/```/);
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 1) {
      root.appendChild(h('pre', {}, decode(part.replace(/^\n/, ''))));
      continue;
    }
    let quote: HTMLElement | null = null;
    const lines = part.split('\n');
    for (const [n, line] of lines.entries()) {
      const quoted = /^(&gt;|>) ?/.exec(line);
      if (quoted) {
        quote ??= root.appendChild(h('blockquote'));
        quote.append(...inline(line.slice(quoted[0].length), context), h('br'));
        continue;
      }
      quote = null;
      root.append(...inline(line, context));
      if (n < lines.length - 1) root.appendChild(h('br'));
    }
  }
  return root;
}

const TOKEN =
  /<([^<>\n]+)>|`([^`\n]+)`|(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])|(?<![\w])_(?!\s)([^_\n]+?)_(?!\w)|(?<![\w~])~(?!\s)([^~\n]+?)~(?![\w~])|:([a-z0-9_+-]+):/g;

export function inline(text: string, context: RenderContext): Node[] {
  const nodes: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index ?? 0;
    if (at > last) nodes.push(document.createTextNode(decode(text.slice(last, at))));
    last = at + match[0].length;
    const [, angle, code, bold, italic, strike, name] = match;
    if (angle !== undefined) nodes.push(special(angle, context));
    else if (code !== undefined) nodes.push(h('code', {}, decode(code)));
    else if (bold !== undefined) nodes.push(h('strong', {}, ...inline(bold, context)));
    else if (italic !== undefined) nodes.push(h('em', {}, ...inline(italic, context)));
    else if (strike !== undefined) nodes.push(h('s', {}, ...inline(strike, context)));
    else if (name !== undefined) nodes.push(document.createTextNode(emoji(name)));
  }
  if (last < text.length) nodes.push(document.createTextNode(decode(text.slice(last))));
  return nodes;
}

/** `<@U…>`, `<#C…|name>`, `<!here>`, `<!subteam^S…|@x>`, `<!date^…|fallback>`, `<https://…|label>`. */
function special(body: string, context: RenderContext): Node {
  const [target = '', label] = splitOnce(body, '|');
  if (target.startsWith('@'))
    return h('span', { class: 'mention' }, `@${context.personName(target.slice(1))}`);
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return h(
      'a',
      {
        class: 'mention channel-link',
        href: '#',
        onclick: (e: Event) => {
          e.preventDefault();
          context.openChannel(id);
        },
      },
      `#${label ?? context.channelName(id)}`,
    );
  }
  if (target.startsWith('!date^'))
    return document.createTextNode(renderSlackDate(target, label ?? '', context));
  if (target.startsWith('!subteam^')) return h('span', { class: 'mention' }, decode(label ?? '@group'));
  if (target.startsWith('!')) return h('span', { class: 'mention' }, `@${target.slice(1)}`);
  const url = decode(target);
  const safe = /^(https?|mailto):/i.test(url) ? url : '#';
  return h('a', { href: safe, target: '_blank', rel: 'noreferrer noopener' }, decode(label ?? url));
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Slack escapes `&`, `<` and `>` in text; show them as typed. */
const decode = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
