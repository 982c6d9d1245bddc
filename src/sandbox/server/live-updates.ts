import type { ServerResponse } from 'node:http';

/**
 * Server-sent events to every open page: `change` soon after the workspace changes (a burst of the
 * bot's calls makes one event), and a comment now and then so proxies keep the stream open.
 */
export class LiveUpdates {
  readonly #clients = new Set<ServerResponse>();
  #pending: NodeJS.Timeout | null = null;
  readonly #heartbeat = setInterval(() => this.#write(': still here\n\n'), 15_000);

  constructor(private readonly debounceMs = 40) {
    this.#heartbeat.unref();
  }

  add(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
  }

  changed(): void {
    if (this.#pending) return;
    this.#pending = setTimeout(() => {
      this.#pending = null;
      this.#write('event: change\ndata: {}\n\n');
    }, this.debounceMs);
  }

  close(): void {
    clearInterval(this.#heartbeat);
    if (this.#pending) clearTimeout(this.#pending);
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  #write(text: string): void {
    for (const res of this.#clients) res.write(text);
  }
}
