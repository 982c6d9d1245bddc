/**
 * Listener work, and work after the ack, still running. On shutdown we stop taking requests, then
 * wait for these (for a bounded time: a hung Slack call must not hold the process past SIGTERM's
 * grace period), so an incident half-opened at SIGTERM is finished, not abandoned.
 */
export class InFlightWork {
  readonly #running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.#running.add(work);
    const forget = () => this.#running.delete(work);
    work.then(forget, forget);
    return work;
  }

  async settled(graceMs: number): Promise<void> {
    const deadline = Date.now() + graceMs;
    while (this.#running.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      });
      await Promise.race([Promise.allSettled([...this.#running]), grace]);
      clearTimeout(timer);
    }
  }
}
