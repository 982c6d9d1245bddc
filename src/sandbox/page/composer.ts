import { h, replace } from './dom.js';

/**
 * The message box, built once and never redrawn (a live update must not eat what is being typed).
 * Enter sends, Shift+Enter starts a new line; `/incident …` is a slash command, the rest a message.
 */
export function createComposer(region: HTMLElement, send: (text: string) => Promise<boolean>) {
  const box = h('textarea', { id: 'message-box', rows: 2, 'aria-label': 'Message' });
  const submit = async () => {
    const text = box.value.trim();
    if (!text) return;
    box.disabled = true;
    const ok = await send(text);
    box.disabled = false;
    if (ok) box.value = '';
    box.focus();
  };
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  });
  const form = h(
    'form',
    {
      class: 'composer',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void submit();
      },
    },
    box,
    h('button', { type: 'submit', class: 'kit-button primary' }, 'Send'),
  );
  const hint = h(
    'div',
    { class: 'composer-hint' },
    'Mention people as @casey, channels as #incidents. Hover a message for 📌 and ⚡ Add to timeline.',
  );
  replace(region, form, hint);
  return {
    /** Shows the box with this placeholder, or hides it (Home has none). */
    show(placeholder: string | null) {
      region.hidden = placeholder === null;
      if (placeholder !== null) box.placeholder = placeholder;
    },
  };
}
