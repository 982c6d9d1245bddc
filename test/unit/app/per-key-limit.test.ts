import { describe, expect, it } from 'vitest';
import { PerKeyLimit } from '../../../src/app/commands/per-key-limit.js';

/** A task that runs until released, counting how many of its key run at once. */
function gate() {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { released, release };
}

describe('at most so many tasks per key at once', () => {
  it('runs two of one incident at once, the rest in order as they finish, and any number of other keys', async () => {
    const limit = new PerKeyLimit(2);
    const running = new Map<string, number>();
    let most = 0;
    const order: string[] = [];
    const gates = Array.from({ length: 5 }, gate);
    const task = (key: string, n: number) =>
      limit.run(key, async () => {
        running.set(key, (running.get(key) ?? 0) + 1);
        most = Math.max(most, running.get('hot') ?? 0);
        order.push(`${key}${n}`);
        await gates[n]?.released;
        running.set(key, (running.get(key) ?? 1) - 1);
        return n;
      });
    const hot = [0, 1, 2, 3].map((n) => task('hot', n));
    const other = task('other', 4);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['hot0', 'hot1', 'other4']);
    for (const g of gates) g.release();
    expect(await Promise.all([...hot, other])).toEqual([0, 1, 2, 3, 4]);
    expect(order).toEqual(['hot0', 'hot1', 'other4', 'hot2', 'hot3']);
    expect(most).toBe(2);
    expect(limit.keys).toBe(0);
  });

  it('lets the next one go when a task fails, and passes the failure on', async () => {
    const limit = new PerKeyLimit(1);
    const failing = limit.run('k', async () => {
      throw new Error('database down');
    });
    const next = limit.run('k', async () => 'ran');
    await expect(failing).rejects.toThrow('database down');
    expect(await next).toBe('ran');
    expect(limit.keys).toBe(0);
  });
});
