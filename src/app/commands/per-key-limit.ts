/**
 * Lets at most `limit` tasks per key run at once; the others wait here, in memory, in order.
 *
 * Why: commands on one incident queue on its row lock in PostgreSQL, and a command waiting there
 * holds a pooled connection while it waits. Twenty people clicking one header would take every
 * connection of the pool, and the outbox, the timers and every other incident would wait behind
 * them. Two per incident keeps PostgreSQL's hand-off of the lock (the next command is already
 * waiting on it when the holder commits) without letting one incident take the pool. Across
 * replicas the row lock still decides; this only bounds what one process sends.
 */
export class PerKeyLimit {
  readonly #queues = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const queue = this.#queues.get(key) ?? { running: 0, waiting: [] };
    this.#queues.set(key, queue);
    if (queue.running >= this.limit) await new Promise<void>((resolve) => queue.waiting.push(resolve));
    queue.running += 1;
    try {
      return await task();
    } finally {
      queue.running -= 1;
      const next = queue.waiting.shift();
      if (next) next();
      else if (queue.running === 0) this.#queues.delete(key);
    }
  }

  /** Keys with work running or waiting (none left behind once everything is done). */
  get keys(): number {
    return this.#queues.size;
  }
}
