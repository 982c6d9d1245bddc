import { Redis } from 'ioredis';

/**
 * A Redis connection as BullMQ wants it: workers block on Redis, so `maxRetriesPerRequest` must be
 * null (retry forever rather than fail a blocking call), and the ready check is left to BullMQ.
 */
export function createRedisConnection(url: string, name: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
    connectionName: name,
    lazyConnect: false,
  });
}
