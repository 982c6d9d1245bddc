import pg from 'pg';

// SQLSTATEs: the database named in the URL does not exist / was created by someone else meanwhile.
const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';

/**
 * Makes sure the database a URL names exists, creating it (from the server's `postgres` database,
 * with the URL's credentials) only when connecting says it is missing, so a URL to an existing
 * database needs no CREATEDB right. Says whether it had to create it.
 */
export async function ensureDatabase(databaseUrl: string): Promise<'existed' | 'created'> {
  try {
    await withClient(databaseUrl, async () => {});
    return 'existed';
  } catch (error) {
    if (codeOf(error) !== INVALID_CATALOG_NAME) throw error;
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  try {
    await withClient(url.toString(), (client) =>
      client.query(`create database ${client.escapeIdentifier(name)}`),
    );
    return 'created';
  } catch (error) {
    // Two sandboxes started at once on one server: whoever comes second finds it made.
    if (codeOf(error) === DUPLICATE_DATABASE) return 'existed';
    throw error;
  }
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000 });
  // A connection dropped while we hold it is reported by the query that fails; without a listener the
  // 'error' event would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function codeOf(error: unknown): unknown {
  return error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
}
