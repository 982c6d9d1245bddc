import type { Redis } from 'ioredis';
import { type Kysely, sql } from 'kysely';
import type { Registry } from 'prom-client';
import type { Logger } from '../../app/ports/logger.js';
import { type HealthRoute, healthRoutes } from './health-routes.js';

/** The bot's readiness: PostgreSQL answers a query and Redis answers PING. */
export function createHealthRoutesFor<DB>(deps: {
  db: Kysely<DB>;
  redis: Redis;
  registry: Registry;
  logger: Logger;
}): HealthRoute[] {
  return healthRoutes(
    [
      { name: 'postgres', check: () => sql`select 1`.execute(deps.db) },
      { name: 'redis', check: () => deps.redis.ping() },
    ],
    deps.registry,
    deps.logger,
  );
}
