/**
 * Runs per-key work with bounded concurrency. A key asked for while its work runs gets one more
 * pass after it; a key asked for while waiting is not queued twice. Callers get a promise that
 * settles when the pass that covers their request is over.
 */
export class DrainQueue {
  readonly #waiting = new Map<string, Deferred>();
  readonly #running = new Map<string, { again: Deferred | null; done: Promise<void> }>();
  #closed = false;

  constructor(
    private readonly concurrency: number,
    private readonly work: (key: string) => Promise<void>,
  ) {}

  request(key: string): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const running = this.#running.get(key);
    if (running) {
      running.again ??= deferred();
      return running.again.promise;
    }
    const waiting = this.#waiting.get(key) ?? deferred();
    this.#waiting.set(key, waiting);
    this.#pump();
    return waiting.promise;
  }

  /** Keys running or waiting right now. */
  get size(): number {
    return this.#running.size + this.#waiting.size;
  }

  /** Takes no more requests; resolves when what runs now is over, or after `graceMs`. */
  async close(graceMs: number): Promise<void> {
    this.#closed = true;
    for (const waiting of this.#waiting.values()) waiting.resolve();
    this.#waiting.clear();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled([...this.#running.values()].map((r) => r.done)), grace]);
    clearTimeout(timer);
  }

  #pump(): void {
    while (!this.#closed && this.#running.size < this.concurrency && this.#waiting.size > 0) {
      const [key, waiter] = this.#waiting.entries().next().value as [string, Deferred];
      this.#waiting.delete(key);
      this.#start(key, waiter);
    }
  }

  #start(key: string, waiter: Deferred): void {
    const entry: { again: Deferred | null; done: Promise<void> } = { again: null, done: Promise.resolve() };
    entry.done = this.work(key)
      .catch(() => {}) // the work logs its own failures; a failed pass must not stop the queue
      .finally(() => {
        this.#running.delete(key);
        waiter.resolve();
        // Asked again while running: that request waits for one more pass.
        if (entry.again && !this.#closed) {
          const next = entry.again;
          this.#waiting.set(key, next);
        } else entry.again?.resolve();
        this.#pump();
      });
    this.#running.set(key, entry);
  }
}

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
