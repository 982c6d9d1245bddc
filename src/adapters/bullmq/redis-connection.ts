import { Redis } from 'ioredis';

/**
 * A Redis connection for BullMQ.
 * - `blocking` (the worker's): it blocks waiting for jobs, so `maxRetriesPerRequest` must be null
 *   (retry forever rather than fail a blocking call), as BullMQ requires.
 * - `fail-fast` (the queue's, the scheduler's, readiness): while Redis is unreachable a call fails
 *   at once instead of queueing in memory; the command path never waits on it, and the reconcile
 *   puts back whatever a failed sync missed once Redis answers again.
 */
export function createRedisConnection(url: string, name: string, mode: 'blocking' | 'fail-fast'): Redis {
  return new Redis(url, {
    connectionName: name,
    // Kept on (ioredis's default): with it off, ioredis 5.11 marks a connection ready once its
    // CLIENT SETNAME settles, without checking that the socket is still the same one. A Redis (or
    // proxy) that accepts a connection and drops it at once leaves the client "ready" on a dead
    // socket, refusing every command and never reconnecting: timers would stop until a restart.
    enableReadyCheck: true,
    lazyConnect: false,
    ...(mode === 'blocking'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 5_000 }),
  });
}
