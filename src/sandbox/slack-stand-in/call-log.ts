/** One request the stand-in received, with what it answered. */
export interface RecordedCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly at: number;
  readonly token?: string | undefined;
  /** The workspace whose token made the call (an OAuth-issued token's, else the stand-in's one workspace). */
  readonly teamId?: string | undefined;
  readonly response: Record<string, unknown>;
  /** For `response_url` posts: the path they went to (`/response/<id>`). */
  readonly path?: string;
}

interface Waiter {
  readonly matches: (call: RecordedCall) => boolean;
  readonly resolve: (call: RecordedCall) => void;
}

/** Every call in order, and promises that resolve when a matching call has arrived. */
export class CallLog {
  #calls: RecordedCall[] = [];
  readonly #waiters = new Set<Waiter>();

  get calls(): readonly RecordedCall[] {
    return this.#calls;
  }

  record(call: RecordedCall): void {
    this.#calls.push(call);
    for (const waiter of [...this.#waiters]) {
      if (waiter.matches(call)) {
        this.#waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  }

  callsTo(method: string): RecordedCall[] {
    return this.#calls.filter((call) => call.method === method);
  }

  clear(): void {
    this.#calls = [];
  }

  /** The first matching call already made, or the next one made within the timeout. */
  waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<RecordedCall> {
    const matches = (call: RecordedCall) => call.method === method && predicate(call);
    const made = this.#calls.find(matches);
    if (made) return Promise.resolve(made);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.#calls.map((call) => call.method).join(', ') || 'none';
        reject(new Error(`no matching ${method} call within ${timeoutMs} ms; calls seen: ${seen}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  async waitForCount(method: string, count: number, timeoutMs = 5_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsTo(method).length < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `expected ${count} ${method} calls within ${timeoutMs} ms, saw ${this.callsTo(method).length}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.callsTo(method);
  }
}
