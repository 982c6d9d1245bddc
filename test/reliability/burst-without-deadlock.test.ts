import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { TEAM } from '../support/incident-driver.js';
import { ackText, sendSlashCommand } from '../support/slack-requests.js';
import { slashIn } from './support/rig.js';

const BURST = 25;
/** Every Slack call takes this long, so the burst's side effects overlap for seconds. */
const SLACK_LATENCY_MS = 100;

/**
 * The database pool is 10 connections (src/bot.ts); 25 incidents opened at once must not take them
 * all (nothing holds a connection while it waits for Slack or for another connection).
 */
describe('burst without deadlock', () => {
  let t: BotUnderTest;

  beforeAll(async () => {
    t = await startBotUnderTest();
    t.slack.setLatency('*', SLACK_LATENCY_MS);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Incidents whose channel exists and whose header is posted and pinned there. */
  async function readyIncidents() {
    const rows = await t.db.selectFrom('incidents').select(['channel_id', 'header_ts']).execute();
    return rows.filter(
      (row) =>
        row.channel_id && row.header_ts && t.slack.workspace.pins(row.channel_id).includes(row.header_ts),
    );
  }

  it('25 incidents opened at once all get their channel and pinned header, and status answers meanwhile', async () => {
    const started = Date.now();
    const opens = Array.from({ length: BURST }, (_, n) =>
      sendSlashCommand(t.target, {
        text: `open Burst incident ${n + 1}`,
        userId: `U0BURST${n}`,
        teamId: TEAM,
        responseUrl: t.slack.responseUrl(),
      }),
    );

    // While the burst's side effects are still going out, someone asks for status in one of them.
    let channel = '';
    await expect
      .poll(
        async () => {
          channel = (await readyIncidents())[0]?.channel_id ?? '';
          return channel;
        },
        { timeout: 10_000, interval: 25 },
      )
      .not.toBe('');
    const status = await slashIn(t.target, { channel }, 'status');
    const readyWhenAnswered = (await readyIncidents()).length;
    expect(status.elapsedMs).toBeLessThan(3_000);
    expect(ackText(status)).toContain('Burst incident');
    expect(readyWhenAnswered).toBeLessThan(BURST); // it did overlap the burst

    for (const open of await Promise.all(opens)) {
      expect(open.elapsedMs).toBeLessThan(3_000);
      expect(ackText(open)).toMatch(/^Opening \*INC-\d+\*/);
    }
    await expect.poll(async () => (await readyIncidents()).length, { timeout: 30_000 }).toBe(BURST);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(new Set(t.slack.callsTo('conversations.create').map((c) => c.args.name)).size).toBe(BURST);
  });
});
