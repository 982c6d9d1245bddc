import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { type DrivenIncident, incidentDriver, TEAM } from '../support/incident-driver.js';
import { viewSubmissionPayload } from '../support/slack-payloads.js';
import { ackText, sendInteraction } from '../support/slack-requests.js';
import type { TcpProxy } from '../support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { DANA, slashIn, throughProxy } from './support/rig.js';

/**
 * The bot reaches PostgreSQL through a proxy this file cuts. Whoever types or submits meanwhile is
 * told within Slack's 3 s that nothing was saved (never left to a timeout), and once the database
 * is back the bot serves again by itself.
 */
describe('postgres cut answers within 3 s', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: BotUnderTest;
  let drive: ReturnType<typeof incidentDriver>;
  let incident: DrivenIncident;

  beforeAll(async () => {
    database = await createTestDatabase();
    const proxied = await throughProxy(database.url);
    proxy = proxied.proxy;
    // The test's own connection (t.db) goes straight to the database; the bot's through the proxy.
    t = await startBotUnderTest({ database, env: { DATABASE_URL: proxied.url } });
    drive = incidentDriver(t);
    incident = await drive.open('Primary database failing over', DANA, t.slack.responseUrl());
    await t.outboxSettled();
  });
  afterAll(async () => {
    proxy?.restore();
    await t?.stop();
    await proxy?.close();
    await database?.drop();
  });

  const hypothesis = (text: string) => slashIn(t.target, incident, `hypothesis ${text}`);
  const hypotheses = async () => (await drive.events(incident.id, 'HypothesisProposed')).length;

  /** Opens the header's "Add hypothesis" form (while the database answers) and returns its submit. */
  async function openHypothesisForm() {
    const opens = t.slack.callsTo('views.open').length;
    await drive.click(incident, 'hypothesis.add', DANA);
    const [opened] = (await t.slack.waitForCalls('views.open', opens + 1)).slice(-1);
    const view = opened?.args.view as { callback_id: string; private_metadata: string };
    return () =>
      sendInteraction(
        t.target,
        viewSubmissionPayload({
          callbackId: view.callback_id,
          userId: DANA,
          teamId: TEAM,
          privateMetadata: view.private_metadata,
          values: { text: { text: { value: 'The failover left replicas behind' } } },
        }),
      );
  }

  for (const cut of [
    { how: 'refuses connections (the server is down)', silent: false },
    { how: 'stops answering (the host is unreachable)', silent: true },
  ]) {
    it(`while the database ${cut.how}, a command and a form say "Not saved" within 3 s`, async () => {
      const submitForm = await openHypothesisForm();
      const before = await hypotheses();
      proxy.cut({ silent: cut.silent });
      try {
        const typed = await hypothesis('The failover is stuck');
        expect(typed.elapsedMs).toBeLessThan(3_000);
        expect(ackText(typed)).toMatch(/^Not saved: the database is unreachable/);

        const submitted = await submitForm();
        expect(submitted.elapsedMs).toBeLessThan(3_000);
        expect(submitted.json).toEqual({
          response_action: 'errors',
          errors: { text: expect.stringMatching(/^Not saved: the database is unreachable/) },
        });
      } finally {
        proxy.restore();
      }
      expect(await hypotheses()).toBe(before);

      // Back without a restart: the same command is saved, and its effects reach Slack.
      expect(ackText(await hypothesis('The failover is stuck'))).toBe('Hypothesis added to the header.');
      expect(await hypotheses()).toBe(before + 1);
      await t.outboxSettled();
    });
  }
});
