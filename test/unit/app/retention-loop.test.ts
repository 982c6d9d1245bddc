import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrunedRows } from '../../../src/app/ports/retention.js';
import { startRetentionLoop } from '../../../src/app/retention-loop.js';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;
const NOTHING: PrunedRows = { processedSlackEvents: 0, outbox: 0, deliveries: 0 };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A loop over a prune of the test's own; `logged` records what the loop said. */
function loopWith(prune: (cutoff: Date) => Promise<PrunedRows>, retention = 30 * DAY) {
  const logged: { level: string; fields: object; message: string }[] = [];
  const log = (level: string) => (fields: object, message: string) => logged.push({ level, fields, message });
  const stop = startRetentionLoop({
    prune,
    clock: { now: () => new Date(Date.now()) },
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    retention,
    every: HOUR,
  });
  return { stop, logged };
}

describe('the retention loop', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prunes what is older than the retention at start, then an interval after each pass', async () => {
    const cutoffs: string[] = [];
    const { stop, logged } = loopWith(async (cutoff) => {
      cutoffs.push(cutoff.toISOString());
      return { processedSlackEvents: 3, outbox: 2, deliveries: 1 };
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(cutoffs).toEqual(['2026-11-01T09:00:00.000Z']);
    expect(logged[0]).toMatchObject({
      level: 'info',
      fields: { pruned: { processedSlackEvents: 3, outbox: 2, deliveries: 1 } },
    });

    await vi.advanceTimersByTimeAsync(HOUR);
    expect(cutoffs).toEqual(['2026-11-01T09:00:00.000Z', '2026-11-01T10:00:00.000Z']);
    await stop();
  });

  it('never starts a pass while one is under way', async () => {
    const slow = deferred<PrunedRows>();
    const prune = vi.fn<(cutoff: Date) => Promise<PrunedRows>>(() => slow.promise);
    const { stop } = loopWith(prune);

    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(prune).toHaveBeenCalledTimes(1);

    slow.resolve(NOTHING);
    await vi.advanceTimersByTimeAsync(HOUR - 1);
    expect(prune).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(prune).toHaveBeenCalledTimes(2);
    await stop();
  });

  it('logs a failed pass and carries on with the next', async () => {
    const failure = new Error('connection terminated');
    const prune = vi
      .fn<(cutoff: Date) => Promise<PrunedRows>>()
      .mockRejectedValueOnce(failure)
      .mockResolvedValue(NOTHING);
    const { stop, logged } = loopWith(prune);

    await vi.advanceTimersByTimeAsync(0);
    expect(logged).toEqual([
      {
        level: 'error',
        fields: { err: failure, cutoff: new Date('2026-11-01T09:00:00.000Z') },
        message: 'pruning records past retention failed; will try again',
      },
    ]);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(prune).toHaveBeenCalledTimes(2);
    await stop();
  });

  it('stops by waiting for the pass under way, and starts no other', async () => {
    const slow = deferred<PrunedRows>();
    const prune = vi.fn<(cutoff: Date) => Promise<PrunedRows>>(() => slow.promise);
    const { stop } = loopWith(prune);
    await vi.advanceTimersByTimeAsync(0);

    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(stopped).toBe(false);

    slow.resolve(NOTHING);
    await stopping;
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(prune).toHaveBeenCalledTimes(1);
  });

  it('prunes nothing when the retention is PT0S', async () => {
    const prune = vi.fn<(cutoff: Date) => Promise<PrunedRows>>(async () => NOTHING);
    const { stop } = loopWith(prune, 0);
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(prune).not.toHaveBeenCalled();
    await stop();
  });
});
