import net from 'node:net';

/** Where the test suite finds PostgreSQL and Redis, and what to stop afterwards. */
export interface TestServices {
  readonly postgresAdminUrl: string;
  readonly redisUrl: string;
  stop(): Promise<void>;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

/**
 * `DATABASE_URL`/`REDIS_URL` when set, else the services on 127.0.0.1, else containers started
 * with testcontainers (only where a container runtime exists; these machines have none).
 */
export async function findTestServices(env = process.env): Promise<TestServices> {
  const postgresAdminUrl = env.DATABASE_URL ? adminUrlOf(env.DATABASE_URL) : LOCAL_POSTGRES;
  const redisUrl = env.REDIS_URL ?? LOCAL_REDIS;
  if ((await reachable(postgresAdminUrl)) && (await reachable(redisUrl))) {
    return { postgresAdminUrl, redisUrl, stop: async () => {} };
  }
  return startContainers();
}

/** The same server, connected to its `postgres` database, from which test databases are created. */
function adminUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

function reachable(serviceUrl: string): Promise<boolean> {
  const url = new URL(serviceUrl);
  const port = Number(url.port || (url.protocol.startsWith('redis') ? 6379 : 5432));
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port, timeout: 1_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function startContainers(): Promise<TestServices> {
  const [{ PostgreSqlContainer }, { RedisContainer }] = await Promise.all([
    import('@testcontainers/postgresql'),
    import('@testcontainers/redis'),
  ]);
  const postgres = await new PostgreSqlContainer('postgres:15').withDatabase('postgres').start();
  const redis = await new RedisContainer('redis:7').start();
  return {
    postgresAdminUrl: postgres.getConnectionUri(),
    redisUrl: redis.getConnectionUrl(),
    stop: async () => {
      await Promise.all([postgres.stop(), redis.stop()]);
    },
  };
}
