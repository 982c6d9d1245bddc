/**
 * Listener work still running after Slack got its ack. On shutdown we stop taking requests, then
 * wait for these, so an incident half-opened at SIGTERM is finished, not abandoned.
 */
export class InFlightWork {
  readonly #running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.#running.add(work);
    const forget = () => this.#running.delete(work);
    work.then(forget, forget);
    return work;
  }

  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }
}
