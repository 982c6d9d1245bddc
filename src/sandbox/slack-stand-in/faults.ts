/** What the stand-in has been told to do instead of answering normally. */
export type Fault =
  | { readonly kind: 'ratelimit'; readonly retryAfterSeconds: number }
  | { readonly kind: 'fail'; readonly error: string }
  /** Does what was asked, then drops the connection before answering: a crash's view of success. */
  | { readonly kind: 'drop-after' }
  /** Never answers (until the stand-in stops): a hung Slack. */
  | { readonly kind: 'hang' };

interface Armed {
  readonly fault: Fault;
  remaining: number;
}

/** Latency, 429s and failures per Web API method, armed by tests and used up as calls arrive. */
export class Faults {
  readonly #latency = new Map<string, number>();
  readonly #armed = new Map<string, Armed[]>();

  setLatency(method: string, ms: number): void {
    this.#latency.set(method, ms);
  }

  latencyFor(method: string): number {
    return this.#latency.get(method) ?? this.#latency.get('*') ?? 0;
  }

  arm(method: string, fault: Fault, times: number): void {
    const list = this.#armed.get(method) ?? [];
    list.push({ fault, remaining: times });
    this.#armed.set(method, list);
  }

  /** The fault to apply to this call, if any; each use counts down. */
  take(method: string): Fault | null {
    const list = this.#armed.get(method);
    const armed = list?.find((entry) => entry.remaining > 0);
    if (!armed) return null;
    armed.remaining -= 1;
    return armed.fault;
  }

  reset(): void {
    this.#latency.clear();
    this.#armed.clear();
  }
}
