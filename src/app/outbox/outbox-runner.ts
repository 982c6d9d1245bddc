import type { Effect } from '../effects.js';
import { withContext } from '../log-context.js';
import type { EffectPerformer } from '../ports/effect-performer.js';
import type { IncidentStore, StoredIncident } from '../ports/incident-store.js';
import type { Logger } from '../ports/logger.js';
import type { Outbox, PendingEffect } from '../ports/outbox.js';
import { DrainQueue } from './drain-queue.js';
import { type NextStep, nextEffects } from './next-effect.js';
import { afterFailure, messageOf, type RetryLimits } from './retry-policy.js';

export interface OutboxRunnerDeps {
  readonly outbox: Outbox;
  readonly store: Pick<IncidentStore, 'findById'>;
  readonly performer: EffectPerformer;
  readonly logger: Logger;
  /** This process, as lease holder (unique per process). */
  readonly holder: string;
  /** Incidents drained at once: kept well below the database pool, so commands always get a connection. */
  readonly concurrency: number;
  /** How often effects left behind (a backoff, a crash, a busy lease) are looked for. */
  readonly sweepEvery: number;
  readonly leaseMs?: number;
  /** A safety net above the Slack client's own per-call timeout. */
  readonly effectTimeoutMs?: number;
  readonly retry?: RetryLimits;
  /** Told of every effect given up on (for /metrics). */
  readonly onGivenUp?: (kind: Effect['kind'], reason: string) => void;
}

const SWEEP_BATCH = 50;
/** How long a drain's lease lasts without renewal: a crashed replica's work waits at most this. */
const DEFAULT_LEASE_MS = 10_000;
const MAX_SWEEP_BACKOFF_MS = 60_000;
/** A drain performs at most this many effects before letting other incidents have a turn. */
const MAX_EFFECTS_PER_PASS = 100;

/**
 * Performs outbox effects after commit. One drainer per incident across replicas (a lease row that
 * expires, not a held connection); within this process a bounded number of incidents at a time.
 * An effect that fails for good is finished with its reason, logged, counted and shown on the
 * header; one that may succeed later waits out a backoff without holding back unrelated effects.
 */
export class OutboxRunner {
  readonly #deps: OutboxRunnerDeps;
  readonly #queue: DrainQueue;
  #sweeper: NodeJS.Timeout | null = null;
  #sweepFailures = 0;
  #stopped = false;

  constructor(deps: OutboxRunnerDeps) {
    this.#deps = deps;
    this.#queue = new DrainQueue(deps.concurrency, (incidentId) => this.#drain(incidentId));
  }

  start(): void {
    this.#scheduleSweep(this.#deps.sweepEvery);
  }

  /** Drains the incident's outbox soon; settles when the pass that covers this request is over. */
  kick(incidentId: string): Promise<void> {
    return this.#stopped ? Promise.resolve() : this.#queue.request(incidentId);
  }

  /** Drains every incident with effects due now: a crash, a backoff or a busy lease left them. */
  async sweep(): Promise<void> {
    const incidents = await this.#deps.outbox.incidentsWithDueEffects(SWEEP_BATCH);
    for (const id of incidents) void this.kick(id);
  }

  /** Stops sweeping and taking work; waits for the effects under way, at most `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    this.#stopped = true;
    if (this.#sweeper) clearTimeout(this.#sweeper);
    await this.#queue.close(graceMs);
  }

  #scheduleSweep(delayMs: number): void {
    if (this.#stopped) return;
    this.#sweeper = setTimeout(async () => {
      try {
        await this.sweep();
        this.#sweepFailures = 0;
      } catch (error) {
        this.#sweepFailures += 1;
        this.#deps.logger.error({ err: error, failures: this.#sweepFailures }, 'outbox sweep failed');
      }
      // The runner's own failures (the database is down) back off too, instead of hammering it.
      const backoff = Math.min(MAX_SWEEP_BACKOFF_MS, this.#deps.sweepEvery * 2 ** this.#sweepFailures);
      this.#scheduleSweep(backoff);
    }, delayMs);
    this.#sweeper.unref();
  }

  async #drain(incidentId: string): Promise<void> {
    const { outbox, holder } = this.#deps;
    const leaseMs = this.#deps.leaseMs ?? DEFAULT_LEASE_MS;
    try {
      if (!(await outbox.lease(incidentId, holder, leaseMs))) return;
    } catch (error) {
      this.#deps.logger.error(
        { err: error, incidentId },
        'could not take the outbox lease; the sweep will retry',
      );
      return;
    }
    // The lease is short, so a crashed holder's work is picked up within seconds; while this
    // process is alive it keeps renewing it, however long a Slack call takes.
    let lost = false;
    const heartbeat = setInterval(() => {
      outbox.lease(incidentId, holder, leaseMs).then(
        (held) => {
          lost ||= !held;
        },
        () => {},
      );
    }, leaseMs / 3);
    try {
      // Not cut short by stop(): an incident half set up at SIGTERM is finished within the grace.
      for (let n = 0; n < MAX_EFFECTS_PER_PASS && !lost; n++) {
        if (!(await this.#performNext(incidentId))) break;
      }
    } catch (error) {
      this.#deps.logger.error({ err: error, incidentId }, 'outbox drain failed; the sweep will retry');
    } finally {
      clearInterval(heartbeat);
      await outbox.release(incidentId, holder).catch(() => {}); // else the lease simply expires
    }
  }

  /**
   * Performs (or gives up) what is ready next, the independent effects together (one per lane);
   * false when nothing is ready.
   */
  async #performNext(incidentId: string): Promise<boolean> {
    const { outbox, store } = this.#deps;
    const pending = await outbox.pending(incidentId);
    if (pending.length === 0) return false;
    const incident = await store.findById(incidentId);
    if (!incident) return false;
    const steps = nextEffects(pending, incident.channelId !== null);
    const [first] = steps;
    if (!first) return false;
    if (first.kind === 'fail') {
      await this.#giveUp(first.item, first.reason);
      return true;
    }
    await Promise.all(steps.map((step) => (step.kind === 'perform' ? this.#perform(step, incident) : null)));
    return true;
  }

  async #perform(step: Extract<NextStep, { kind: 'perform' }>, incident: StoredIncident): Promise<void> {
    const { outbox, performer } = this.#deps;
    const number = await outbox.started(step.item.id);
    // The command that wrote the effect names it in every line, as in the command core's.
    const logger = withContext(this.#deps.logger, {
      teamId: incident.teamId,
      incidentId: incident.id,
      commandId: step.item.commandId ?? null,
    });
    const log = { effect: step.item.effect.kind, outboxId: step.item.id, tries: number };
    try {
      const outcome = await withTimeout(
        performer.perform(step.item.effect, incident, { number }),
        this.#deps.effectTimeoutMs ?? 60_000,
      );
      await outbox.complete(step.alike, outcome);
      logger.debug({ ...log, outcome }, 'performed a Slack side effect');
    } catch (error) {
      const next = afterFailure(step.item.effect, number, error, this.#deps.retry);
      if (next.kind === 'give-up') {
        logger.error({ ...log, err: error, reason: next.reason }, 'gave up on a Slack side effect');
        await this.#giveUp(step.item, next.reason, step.alike);
      } else {
        logger.warn({ ...log, err: error, retryInMs: next.delayMs }, 'Slack side effect failed; will retry');
        await outbox.retryLater(step.item.id, messageOf(error), next.delayMs);
      }
    }
  }

  /**
   * Finishes an effect as failed. The header shows the commander what did not reach Slack, so a
   * failure other than the header's own asks for a header render.
   */
  async #giveUp(item: PendingEffect, reason: string, ids: readonly number[] = [item.id]): Promise<void> {
    const { outbox, store } = this.#deps;
    await outbox.fail(ids, reason);
    this.#deps.onGivenUp?.(item.effect.kind, reason);
    if (item.effect.kind === 'header.render') return;
    const incident = await store.findById(item.incidentId);
    // Without a channel there is no header to show it on.
    if (incident?.channelId) await outbox.enqueue(incident, [{ kind: 'header.render' }]);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Slack within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
