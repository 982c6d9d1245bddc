import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../../src/adapters/postgres/migrate.js';
import { findTestServices } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    redisUrl: string;
    templateDatabase: string;
    /** Prefix of every database this run creates, so teardown can drop what a crashed file left. */
    databasePrefix: string;
  }
}

/**
 * Once per run: find PostgreSQL and Redis, and build a migrated template database that every
 * test file clones (CREATE DATABASE … TEMPLATE is far faster than migrating per file).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const services = await findTestServices();
  const runId = randomBytes(3).toString('hex');
  const databasePrefix = `ic_test_${runId}_`;
  const templateDatabase = `ic_template_${runId}`;

  await withAdmin(services.postgresAdminUrl, (admin) =>
    sql`create database ${sql.id(templateDatabase)}`.execute(admin),
  );
  const template = databaseUrl(services.postgresAdminUrl, templateDatabase);
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: template, max: 1 }) }),
  });
  const { error } = await migrateToLatest(db);
  await db.destroy();
  if (error) throw error;

  project.provide('postgresAdminUrl', services.postgresAdminUrl);
  project.provide('redisUrl', services.redisUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('databasePrefix', databasePrefix);

  return async () => {
    await withAdmin(services.postgresAdminUrl, async (admin) => {
      const { rows } = await sql<{ datname: string }>`
        select datname from pg_database where datname like ${`${databasePrefix}%`} or datname = ${templateDatabase}`.execute(
        admin,
      );
      for (const { datname } of rows) {
        await sql`drop database if exists ${sql.id(datname)} with (force)`.execute(admin);
      }
    });
    await services.stop();
  };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(
  adminUrl: string,
  work: (admin: Kysely<unknown>) => Promise<T>,
): Promise<T> {
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: adminUrl, max: 1 }) }),
  });
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}
