/**
 * The modals each person has open, as Slack stacks them: `views.open` starts a stack, `views.push`
 * adds to it, a submission's answer or a close takes views off it. Errors a submission was answered
 * with (`response_action: 'errors'`) are kept by view until the view changes.
 */
export class ModalStacks {
  readonly #stacks = new Map<string, string[]>();
  readonly #errors = new Map<string, Readonly<Record<string, string>>>();

  open(userId: string, viewId: string): void {
    this.#stacks.set(userId, [viewId]);
  }

  push(userId: string, viewId: string): void {
    this.#stacks.set(userId, [...this.stack(userId), viewId]);
  }

  /** Oldest first; the last is the one on screen. */
  stack(userId: string): readonly string[] {
    return this.#stacks.get(userId) ?? [];
  }

  /** Closes this view and any pushed above it. */
  close(userId: string, viewId: string): void {
    const stack = this.stack(userId);
    const at = stack.indexOf(viewId);
    if (at >= 0) this.#stacks.set(userId, stack.slice(0, at));
    this.#errors.delete(viewId);
  }

  clear(userId: string): void {
    for (const viewId of this.stack(userId)) this.#errors.delete(viewId);
    this.#stacks.delete(userId);
  }

  setErrors(viewId: string, errors: Readonly<Record<string, string>>): void {
    this.#errors.set(viewId, errors);
  }

  clearErrors(viewId: string): void {
    this.#errors.delete(viewId);
  }

  errorsOf(viewId: string): Readonly<Record<string, string>> {
    return this.#errors.get(viewId) ?? {};
  }
}
