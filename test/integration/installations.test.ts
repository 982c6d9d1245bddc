import type { Installation } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createInstallationStore,
  NoInstallationError,
  type PostgresInstallationStore,
} from '../../src/adapters/postgres/installation-store.js';
import {
  installedWorkspaceClients,
  type SlackClients,
  WorkspaceNotInstalledError,
} from '../../src/adapters/slack/slack-clients.js';
import { PermanentEffectError } from '../../src/app/ports/effect-performer.js';
import { useTestDatabase } from '../support/test-database.js';

const silent = { info() {}, warn() {}, error() {}, debug() {} };

function installation(input: {
  team?: string;
  enterprise?: string;
  orgWide?: boolean;
  token: string;
}): Installation {
  return {
    team: input.orgWide ? undefined : { id: input.team ?? '' },
    enterprise: input.enterprise ? { id: input.enterprise } : undefined,
    isEnterpriseInstall: input.orgWide === true,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token: input.token, scopes: ['commands'], id: 'B0', userId: `UBOT${input.token.slice(-1)}` },
    appId: 'A1',
    tokenType: 'bot',
  } as Installation;
}

/** Installations in PostgreSQL, and the clients made from them, as every replica sees them. */
describe('installations in PostgreSQL and the clients made from them', () => {
  const testDb = useTestDatabase();
  let store: PostgresInstallationStore;
  let made: { token: string; options: WebClientOptions }[];
  let clients: SlackClients;

  beforeAll(() => {
    store = createInstallationStore(testDb.db);
    made = [];
    clients = installedWorkspaceClients(store, {
      clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/' },
      logger: silent,
      maxClients: 2,
      newClient: (token, options) => {
        made.push({ token, options });
        return { token } as never;
      },
    });
  });

  it('stores an installation whole and gives it back; a reinstall replaces it', async () => {
    await store.storeInstallation(installation({ team: 'T0A', token: 'xoxb-a-1' }));
    await store.storeInstallation(installation({ team: 'T0A', token: 'xoxb-a-2' }));
    const fetched = await store.fetchInstallation({
      teamId: 'T0A',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe('xoxb-a-2');
    expect(await store.teams()).toEqual(['T0A']);
  });

  it('refuses a workspace with no installation with an error the outbox gives up on', async () => {
    await expect(
      store.fetchInstallation({ teamId: 'T0NONE', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toBeInstanceOf(NoInstallationError);
    const refusal = clients.clientFor('T0NONE');
    await expect(refusal).rejects.toBeInstanceOf(WorkspaceNotInstalledError);
    await expect(refusal).rejects.toBeInstanceOf(PermanentEffectError);
    await expect(refusal).rejects.toMatchObject({ reason: 'app_uninstalled' });
    expect(await clients.serves('T0NONE')).toBe(false);
  });

  it('makes effect clients without retries and listener clients with one, each once per token', async () => {
    made.length = 0;
    const effects = await clients.clientFor('T0A', 'effects');
    expect(await clients.clientFor('T0A', 'effects')).toBe(effects);
    await clients.clientFor('T0A', 'listener');
    expect(
      made.map((m) => [m.token, m.options.retryConfig?.retries, m.options.rejectRateLimitedCalls]),
    ).toEqual([
      ['xoxb-a-2', 0, true],
      ['xoxb-a-2', 1, undefined],
    ]);
    expect(await clients.botUserIdFor('T0A')).toBe('UBOT2');
  });

  it('serves every workspace of an org-wide install with its token, once a request named the org', async () => {
    await store.storeInstallation(installation({ enterprise: 'E0ORG', orgWide: true, token: 'xoxb-org-3' }));
    await expect(clients.clientFor('T0INORG')).rejects.toBeInstanceOf(WorkspaceNotInstalledError);
    await clients.noteEnterprise('T0INORG', 'E0ORG');
    expect(await clients.clientFor('T0INORG')).toMatchObject({ token: 'xoxb-org-3' });
    expect(await clients.teams()).toEqual(['T0A', 'T0INORG']);
    const rows = await testDb.db
      .selectFrom('slack_installations')
      .select('installation_key')
      .orderBy('installation_key')
      .execute();
    expect(rows.map((row) => row.installation_key)).toEqual(['enterprise:E0ORG', 'team:T0A']);
  });

  it('keeps at most `maxClients` clients, dropping the least recently used', async () => {
    await store.storeInstallation(installation({ team: 'T0B', token: 'xoxb-b-4' }));
    made.length = 0;
    // Two are kept: b's client pushes out the oldest, so a's must be made again.
    await clients.clientFor('T0B');
    await clients.clientFor('T0A');
    expect(made.map((m) => m.token)).toEqual(['xoxb-b-4', 'xoxb-a-2']);
  });

  it('stops serving a workspace once its installation is deleted and its cache forgotten', async () => {
    await store.deleteInstallation({ teamId: 'T0B', enterpriseId: undefined, isEnterpriseInstall: false });
    clients.forget('T0B');
    await expect(clients.clientFor('T0B')).rejects.toBeInstanceOf(WorkspaceNotInstalledError);
    expect(await clients.teams()).toEqual(['T0A', 'T0INORG']);
  });
});
