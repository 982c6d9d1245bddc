import { type IncidentState, type TimerPolicy, type TimerSpec, timersFor } from '../domain/index.js';
import type { IncidentStore } from './ports/incident-store.js';
import type { Logger } from './ports/logger.js';
import type { TimerScheduler, WantedTimer } from './ports/timer-scheduler.js';
import { nextWorkingMoment } from './working-hours.js';

export interface TimerSyncDeps {
  readonly store: IncidentStore;
  readonly scheduler: TimerScheduler;
  readonly policy: TimerPolicy;
  /** The IANA time zone a person works in (their Slack profile), for chores in working hours. */
  readonly zoneOf: (userId: string | null, teamId?: string) => Promise<string>;
  readonly logger: Logger;
  /** Incidents synced at once during a reconcile pass. */
  readonly concurrency?: number;
  /** Incidents looked at per reconcile pass: the pass is bounded, the next one carries on. */
  readonly maxPerPass?: number;
  /** Run at the start of every reconcile pass (re-creating the weekly review's scheduler). */
  readonly onReconcile?: () => Promise<void>;
  /** A sync that takes longer (Redis unreachable) is abandoned; the reconcile will redo it. */
  readonly syncTimeoutMs?: number;
}

/** The timers an incident's state calls for, placed in time: chores wait for working hours. */
export async function placeTimers(
  state: IncidentState,
  policy: TimerPolicy,
  zoneOf: TimerSyncDeps['zoneOf'],
): Promise<(TimerSpec & { fireAt: string })[]> {
  const specs = state.status === 'none' ? [] : timersFor(state, policy);
  return Promise.all(
    specs.map(async (spec) => ({
      ...spec,
      fireAt:
        spec.delivery === 'working-hours'
          ? nextWorkingMoment(spec.dueAt, await zoneOf(spec.recipient))
          : spec.dueAt,
    })),
  );
}

/**
 * Keeps the queue's delayed jobs equal to what each incident's state calls for. Timers are derived,
 * not remembered: `sync` runs after every committed change, `reconcile` on start-up and every few
 * minutes, so a lost Redis or a crashed process costs at most one reconcile interval.
 */
export class TimerSync {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private cursor: string | null = null;

  constructor(private readonly deps: TimerSyncDeps) {}

  /**
   * Syncs one incident from its latest stored state. Calls for the same incident run one after the
   * other; several arriving while one runs collapse into a single follow-up sync.
   */
  sync(incidentId: string): Promise<void> {
    const current = this.running.get(incidentId);
    if (current) {
      this.again.add(incidentId);
      return current;
    }
    const run = withTimeout(this.syncNow(incidentId), this.deps.syncTimeoutMs ?? 10_000)
      .catch((error: unknown) =>
        this.deps.logger.warn({ err: error, incidentId }, 'timer sync failed; the reconcile will retry'),
      )
      .finally(() => {
        this.running.delete(incidentId);
        if (this.again.delete(incidentId)) void this.sync(incidentId);
      });
    this.running.set(incidentId, run);
    return run;
  }

  /**
   * One reconcile pass over the incidents that can have timers, in id order from where the last
   * pass stopped, at most `maxPerPass` of them. Returns how many it synced.
   */
  async reconcile(): Promise<{ synced: number; complete: boolean }> {
    await this.deps
      .onReconcile?.()
      .catch((error: unknown) =>
        this.deps.logger.warn({ err: error }, 'reconcile hook failed; the next pass will retry'),
      );
    const maxPerPass = this.deps.maxPerPass ?? 5_000;
    const concurrency = this.deps.concurrency ?? 16;
    let synced = 0;
    while (synced < maxPerPass) {
      const ids = await this.deps.store.listWithTimers(this.cursor, Math.min(500, maxPerPass - synced));
      if (ids.length === 0) {
        this.cursor = null;
        return { synced, complete: true };
      }
      for (let i = 0; i < ids.length; i += concurrency)
        await Promise.all(ids.slice(i, i + concurrency).map((id) => this.sync(id)));
      synced += ids.length;
      this.cursor = ids[ids.length - 1] ?? null;
    }
    return { synced, complete: false };
  }

  /**
   * Reconciles now and then every `everyMs`, one pass at a time (a slow pass is never overlapped
   * by the next). Returns a function that stops the loop and waits for the pass under way.
   */
  startReconciling(everyMs: number): () => Promise<void> {
    let stopped = false;
    let timer: NodeJS.Timeout | null = null;
    let pass: Promise<unknown> = Promise.resolve();
    const run = () => {
      pass = this.reconcile()
        .then(({ synced, complete }) => this.deps.logger.debug({ synced, complete }, 'timers reconciled'))
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'timer reconcile failed'))
        .finally(() => {
          if (!stopped) timer = setTimeout(run, everyMs);
        });
    };
    run();
    return async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await pass;
      await this.idle();
    };
  }

  /** Resolves when no sync is under way (for a clean shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private async syncNow(incidentId: string): Promise<void> {
    const incident = await this.deps.store.findById(incidentId);
    const state = incident?.state ?? { status: 'none' as const };
    const placed = await placeTimers(state, this.deps.policy, (user) =>
      this.deps.zoneOf(user, incident?.teamId),
    );
    const wanted: WantedTimer[] = placed.map(({ kind, key, dueAt, fireAt }) => ({
      kind,
      key,
      dueAt,
      fireAt,
    }));
    await this.deps.scheduler.sync(incidentId, wanted);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timer sync took over ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
