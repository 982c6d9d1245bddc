import { randomBytes } from 'node:crypto';
import { deleteQueueKeys } from '../support/queue-keys.js';

/** Redis database 10: the bench never touches the tests' keys. */
export function benchRedisUrl(): string {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = '/10';
  return url.toString();
}

/** Runs `work` with a BullMQ prefix of its own, whose keys are removed afterwards. */
export async function withQueuePrefix<T>(work: (prefix: string) => Promise<T>): Promise<T> {
  const prefix = `ic-bench-${randomBytes(3).toString('hex')}`;
  try {
    return await work(prefix);
  } finally {
    await deleteQueueKeys(benchRedisUrl(), prefix);
  }
}
