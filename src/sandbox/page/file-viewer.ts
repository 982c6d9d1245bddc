import { h } from './dom.js';

/** Opens a file the bot uploaded (the postmortem draft) in a reader over the page. */
export async function showFile(id: string, title: string): Promise<void> {
  const response = await fetch(`/files/${encodeURIComponent(id)}`);
  const content = response.ok ? await response.text() : `Could not load the file (${response.status}).`;
  const layer = h(
    'div',
    { class: 'modal-layer file-layer', role: 'dialog', 'aria-label': title },
    h(
      'div',
      { class: 'modal file-viewer' },
      h(
        'header',
        { class: 'modal-title' },
        h('h2', {}, title),
        h(
          'button',
          { type: 'button', class: 'modal-x', 'aria-label': 'Close', onclick: () => layer.remove() },
          '×',
        ),
      ),
      h('pre', { class: 'file-content' }, content),
    ),
  );
  document.body.appendChild(layer);
}
