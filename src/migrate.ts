import { createDatabase } from './adapters/postgres/database.js';
import { migrateToLatest } from './adapters/postgres/migrate.js';
import { envSchema } from './config/env-schema.js';
import { ConfigError } from './config/load-config.js';
import { redactSecrets } from './config/redact-secrets.js';

/** `npm run migrate`: applies pending migrations and exits. Needs only DATABASE_URL. */
async function main(): Promise<void> {
  const parsed = envSchema.shape.DATABASE_URL.safeParse(process.env.DATABASE_URL || undefined);
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((issue) => `DATABASE_URL: ${issue.message}`));
  const db = createDatabase({ connectionString: parsed.data, maxConnections: 1 });
  try {
    const { error, results } = await migrateToLatest(db);
    for (const result of results ?? []) process.stdout.write(`${result.status}: ${result.migrationName}\n`);
    if (error) throw error;
    if ((results ?? []).length === 0)
      process.stdout.write('Nothing to migrate: the database is up to date.\n');
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${redactSecrets(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
