import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';

/** The sandbox's own database, on the PostgreSQL it is given, so it never touches the bot's real one. */
const SANDBOX_DATABASE = 'incident_commander_sandbox';
const LOCAL_POSTGRES = `postgres://postgres@127.0.0.1:5432/${SANDBOX_DATABASE}`;
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

/**
 * PostgreSQL and Redis for the sandbox. This minimal version uses `DATABASE_URL`/`REDIS_URL`, or
 * the services on 127.0.0.1, and creates the database when it is missing; it starts nothing, so it
 * stops nothing. (The embedded fallback replaces this file, with the same signature.)
 */
export async function startSandboxServices(options: {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  log: (line: string) => void;
}): Promise<{ databaseUrl: string; redisUrl: string; stop(): Promise<void> }> {
  const databaseUrl = options.env.DATABASE_URL || LOCAL_POSTGRES;
  const redisUrl = options.env.REDIS_URL || LOCAL_REDIS;
  await createDatabaseIfMissing(databaseUrl, options.log);
  return { databaseUrl, redisUrl, stop: async () => {} };
}

async function createDatabaseIfMissing(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }),
  });
  try {
    const { rows } = await sql<{
      one: number;
    }>`select 1 as one from pg_database where datname = ${name}`.execute(admin);
    if (rows.length > 0) return;
    await sql`create database ${sql.id(name)}`.execute(admin);
    log(`created the database ${name}`);
  } finally {
    await admin.destroy();
  }
}
