import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/sandbox/services/free-port.js';
import { deleteQueueKeys } from '../support/queue-keys.js';
import { type SandboxProcess, startSandboxProcess } from './sandbox-process.js';

/**
 * `npm run sandbox` on a machine with nothing on PostgreSQL's port and no DATABASE_URL: it serves
 * its page, the bot on an embedded PostgreSQL under the data directory. The probe is pointed at a
 * closed port, so the shared PostgreSQL other tests use is never seen.
 */
describe('the sandbox with no PostgreSQL to find', () => {
  let dataDir: string;
  let sandbox: SandboxProcess;
  const queuePrefix = `ic-test-sandbox-embedded-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'ic-sandbox-embedded-'));
    // Run as root, PostgreSQL runs as the postgres user, who must get through this directory.
    await chmod(root, 0o755);
    dataDir = path.join(root, 'sandbox');
    sandbox = await startSandboxProcess(['--port', '0', '--data-dir', dataDir], {
      SANDBOX_POSTGRES_PROBE: `127.0.0.1:${await freePort()}`,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: 'warn',
    });
  }, 60_000);
  afterAll(async () => {
    const exit = await sandbox?.stop();
    await deleteQueueKeys(inject('redisUrl'), queuePrefix);
    if (dataDir) await rm(path.dirname(dataDir), { recursive: true, force: true });
    expect(exit).toBe(0);
  });

  it('serves its page, the bot on an embedded PostgreSQL kept under the data directory', async () => {
    expect(sandbox.output()).toMatch(/PostgreSQL: embedded, data in .*sandbox/);
    const page = await fetch(sandbox.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });
});
