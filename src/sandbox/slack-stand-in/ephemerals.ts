/** A message only one person sees, in one channel (a slash command's answer, a response_url post, chat.postEphemeral). */
export interface StandInEphemeral {
  readonly id: string;
  readonly ts: string;
  readonly userId: string;
  readonly channel: string;
  readonly text: string;
  readonly blocks: unknown;
}

/** Where a response URL's posts are shown: to the person who acted, in the channel they acted in. */
export interface ResponseTarget {
  readonly userId: string;
  readonly channel: string;
}

/** Ephemeral messages by person, and the response URLs handed out with their interactions. */
export class Ephemerals {
  readonly #messages: StandInEphemeral[] = [];
  readonly #targets = new Map<string, ResponseTarget>();

  add(message: StandInEphemeral): void {
    this.#messages.push(message);
  }

  /** What `userId` sees in `channel`, oldest first. */
  of(userId: string, channel: string): readonly StandInEphemeral[] {
    return this.#messages.filter((m) => m.userId === userId && m.channel === channel);
  }

  dismiss(userId: string, id: string): boolean {
    const index = this.#messages.findIndex((m) => m.id === id && m.userId === userId);
    if (index >= 0) this.#messages.splice(index, 1);
    return index >= 0;
  }

  target(responseId: string, target: ResponseTarget): void {
    this.#targets.set(responseId, target);
  }

  targetOf(responseId: string): ResponseTarget | undefined {
    return this.#targets.get(responseId);
  }
}
