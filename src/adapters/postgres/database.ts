import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

// int8 (counts, bigserial ids) arrives as a string by default; ours stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number.parseInt(text, 10));

export interface DatabaseOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
  /** Told about connections lost while idle or checked out; the failing query rejects anyway. */
  readonly onConnectionError?: (error: Error) => void;
}

/** A Kysely instance on its own `pg` pool. `db.destroy()` closes the pool. */
export function createDatabase(options: DatabaseOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // Fail fast when the server is unreachable: a person waiting on an ack is told within Slack's
    // 3 s that nothing was saved, and /readyz answers instead of hanging.
    connectionTimeoutMillis: 1_500,
    idleTimeoutMillis: 30_000,
    // A statement that runs away is stopped by the server; one whose answer never comes (a dead
    // network) is failed by the client a little later, so no caller waits forever.
    statement_timeout: 10_000,
    query_timeout: 15_000,
    // Notice a dead peer on an idle connection instead of waiting for the kernel's two hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // A connection lost while idle emits 'error' on the pool, and one lost while checked out emits it on
  // the client (the pool only listens to idle ones). Without listeners a database blip crashes the bot.
  const onError = options.onConnectionError ?? (() => {});
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
