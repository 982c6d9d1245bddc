/**
 * Tells whoever watches the workspace (the sandbox's page) that something in it changed, so a
 * person's screen follows the bot's calls live. Listeners are told after the change is made.
 */
export class ChangeFeed {
  readonly #listeners = new Set<() => void>();

  /** Returns a function that stops listening. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
