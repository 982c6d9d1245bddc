import type { Effect } from './effects.js';
import { COALESCED_EFFECTS, MAX_ATTEMPTS } from './effects.js';
import type { Clock } from './ports/clock.js';
import { type EffectPerformer, RetryAfterError } from './ports/effect-performer.js';
import type { IncidentStore } from './ports/incident-store.js';
import type { Logger } from './ports/logger.js';
import type { Outbox, PendingEffect } from './ports/outbox.js';

export interface OutboxRunnerDeps {
  readonly outbox: Outbox;
  readonly store: IncidentStore;
  readonly performer: EffectPerformer;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How often effects left behind (a failure, a crash, a busy lock) are retried. */
  readonly sweepEvery: number;
}

const MAX_BACKOFF_MS = 5 * 60_000;
const SWEEP_BATCH = 50;

/**
 * Performs outbox effects after commit, in order, per incident. Within this process a second kick
 * for an incident that is being drained just asks for one more pass; across processes an advisory
 * lock keeps one drainer per incident. A failed effect is retried later with backoff and holds
 * back the ones after it, so the channel always exists before its header is posted.
 */
export class OutboxRunner {
  readonly #deps: OutboxRunnerDeps;
  readonly #draining = new Map<string, { again: boolean; done: Promise<void> }>();
  #sweeper: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(deps: OutboxRunnerDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#sweeper = setInterval(() => void this.sweep(), this.#deps.sweepEvery);
    this.#sweeper.unref();
  }

  /** Drains the incident's outbox soon; returns a promise that settles when this pass is over. */
  kick(incidentId: string): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    const running = this.#draining.get(incidentId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = this.#drainWhileAsked(incidentId, entry).finally(() => this.#draining.delete(incidentId));
    this.#draining.set(incidentId, entry);
    return entry.done;
  }

  /** Drains every incident with effects due now: a crash, a failure or a busy lock left them. */
  async sweep(): Promise<void> {
    try {
      const incidents = await this.#deps.outbox.incidentsWithDueEffects(this.#deps.clock.now(), SWEEP_BATCH);
      await Promise.all(incidents.map((id) => this.kick(id)));
    } catch (error) {
      this.#deps.logger.error({ err: error }, 'outbox sweep failed');
    }
  }

  /** Stops sweeping and waits for the drains under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#sweeper) clearInterval(this.#sweeper);
    await Promise.allSettled([...this.#draining.values()].map((entry) => entry.done));
  }

  async #drainWhileAsked(incidentId: string, entry: { again: boolean }): Promise<void> {
    do {
      entry.again = false;
      try {
        await this.#deps.outbox.withIncidentLock(incidentId, () => this.#drain(incidentId));
      } catch (error) {
        this.#deps.logger.error({ err: error, incidentId }, 'outbox drain failed');
      }
    } while (entry.again && !this.#stopped);
  }

  async #drain(incidentId: string): Promise<void> {
    const pending = await this.#deps.outbox.pending(incidentId);
    const settled = new Set<number>();
    for (const item of pending) {
      if (settled.has(item.id)) continue;
      if (item.nextAttemptAt > this.#deps.clock.now()) return; // waiting out a backoff: keep the order
      const incident = await this.#deps.store.findById(incidentId);
      if (!incident) return;
      const alike = COALESCED_EFFECTS.has(item.effect.kind)
        ? pending.filter((other) => other.effect.kind === item.effect.kind).map((other) => other.id)
        : [item.id];
      try {
        const outcome = await this.#deps.performer.perform(item.effect, incident);
        await this.#deps.outbox.complete(alike, outcome);
        for (const id of alike) settled.add(id);
      } catch (error) {
        if (!(await this.#failed(item, error))) return;
      }
    }
  }

  /** Records a failure. Returns true when the effect was given up, so the ones after it may go. */
  async #failed(item: PendingEffect, error: unknown): Promise<boolean> {
    const attempts = item.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    const limit = MAX_ATTEMPTS[item.effect.kind];
    const log = { incidentId: item.incidentId, effect: describe(item.effect), attempts, err: error };
    if (limit !== undefined && attempts >= limit) {
      this.#deps.logger.warn(log, 'giving up on a side effect');
      await this.#deps.outbox.complete([item.id], `gave up after ${attempts} attempts: ${message}`);
      return true;
    }
    const delay =
      error instanceof RetryAfterError
        ? error.retryAfterMs
        : Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempts, 12)) * (0.8 + Math.random() * 0.4);
    this.#deps.logger.warn({ ...log, retryInMs: Math.round(delay) }, 'side effect failed; will retry');
    await this.#deps.outbox.retryLater(item.id, message, new Date(this.#deps.clock.now().getTime() + delay));
    return false;
  }
}

const describe = (effect: Effect): string => effect.kind;
