/** How long a trigger id opens a modal: Slack refuses `views.open` with it after 3 s. */
export const TRIGGER_LIFETIME_MS = 3_000;

/**
 * Trigger ids handed out with the interactions a person makes (sandbox), so a modal the bot opens
 * with one is shown to that person. Ids the stand-in never issued (tests make their own) belong to
 * nobody and never expire, as before.
 */
export class Triggers {
  readonly #issued = new Map<string, { readonly userId: string; readonly at: number }>();
  #counter = 0;

  constructor(private readonly now: () => Date) {}

  issue(userId: string): string {
    this.#counter += 1;
    const at = this.now().getTime();
    const id = `${Math.floor(at / 1000)}.${this.#counter}.sandbox`;
    this.#issued.set(id, { userId, at });
    return id;
  }

  /** Whose trigger it is; `expired` when it was issued to someone more than 3 s ago. */
  owner(triggerId: string): { userId: string | null; expired: boolean } {
    const issued = this.#issued.get(triggerId);
    if (!issued) return { userId: null, expired: false };
    return { userId: issued.userId, expired: this.now().getTime() - issued.at > TRIGGER_LIFETIME_MS };
  }
}
