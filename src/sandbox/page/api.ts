import type { PageAnswer, PageRequest, PageState } from '../protocol.js';

/** The sandbox server's API: the state as one person sees it, and what they do. */
export async function fetchState(as: string, open: string): Promise<PageState> {
  const response = await fetch(`/api/state?as=${encodeURIComponent(as)}&open=${encodeURIComponent(open)}`);
  if (!response.ok) throw new Error(`state: ${response.status}`);
  return (await response.json()) as PageState;
}

export async function postAction(request: PageRequest): Promise<PageAnswer> {
  const response = await fetch('/api/act', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return (await response.json()) as PageAnswer;
}

/** Calls `onChange` whenever the workspace changes (server-sent events; the browser reconnects itself). */
export function watchChanges(onChange: () => void): void {
  const events = new EventSource('/events');
  events.addEventListener('change', onChange);
  events.addEventListener('open', onChange);
}
