import path from 'node:path';
import { redactUrl } from '../../config/redact-secrets.js';
import { displayPath, startEmbeddedPostgres } from './embedded-postgres.js';
import { ensureDatabase } from './ensure-database.js';
import { tcpAnswers } from './probes.js';
import { leaveRunning, type ProvidedService } from './provided-service.js';
import { reasonOf } from './reason-of.js';
import { formatHostPort, type SandboxEnv } from './sandbox-env.js';
import { SandboxServiceError } from './sandbox-service-error.js';

/** The sandbox's database on a server it did not get a URL for: its own, beside the bot's. */
export const SANDBOX_DATABASE = 'incident_commander_sandbox';

/**
 * PostgreSQL for the sandbox, first of: `DATABASE_URL`; the server on the probe address (user
 * `postgres`, no password, as a local install or the CI machines have it); an embedded server with
 * its data in `<dataDir>/postgres`. The database is created when missing. Logs the choice in one line.
 */
export async function providePostgres(
  env: SandboxEnv,
  dataDir: string,
  log: (line: string) => void,
): Promise<ProvidedService> {
  if (env.DATABASE_URL) {
    const url = env.DATABASE_URL;
    const state = await ensureDatabase(url).catch((error: unknown) => {
      throw new SandboxServiceError(
        `PostgreSQL at DATABASE_URL (${redactUrl(url)}) cannot be used: ${reasonOf(error)}`,
        { cause: error },
      );
    });
    log(`PostgreSQL: DATABASE_URL (${redactUrl(url)})${state === 'created' ? ', database created' : ''}`);
    return { url, stop: leaveRunning };
  }

  const probe = formatHostPort(env.SANDBOX_POSTGRES_PROBE);
  let passedOver = `nothing answers on ${probe} and DATABASE_URL is unset`;
  if (await tcpAnswers(env.SANDBOX_POSTGRES_PROBE)) {
    const url = `postgres://postgres@${probe}/${SANDBOX_DATABASE}`;
    try {
      const state = await ensureDatabase(url);
      log(
        `PostgreSQL: the server on ${probe}, database ${SANDBOX_DATABASE}${state === 'created' ? ' (created)' : ''}`,
      );
      return { url, stop: leaveRunning };
    } catch (error) {
      // Something answers but will not have us (a password, another program on the port): a
      // sandbox of our own still lets the person try the bot, and the line says why.
      passedOver = `${probe} answers but not as a PostgreSQL that lets user postgres in without a password: ${reasonOf(error)}`;
    }
  }

  const server = await startEmbeddedPostgres(path.join(dataDir, 'postgres'));
  const adminUrl = new URL(server.adminUrl);
  adminUrl.pathname = `/${SANDBOX_DATABASE}`;
  const url = adminUrl.toString();
  try {
    await ensureDatabase(url);
  } catch (error) {
    await server.stop();
    throw new SandboxServiceError(
      `Embedded PostgreSQL started but ${SANDBOX_DATABASE} could not be created: ${reasonOf(error)}`,
      { cause: error },
    );
  }
  log(
    `PostgreSQL: embedded, data in ${displayPath(server.dataDirectory)}${server.reused ? ' (kept from an earlier run)' : ''}, port ${server.port} (${passedOver})`,
  );
  return { url, stop: () => server.stop() };
}
