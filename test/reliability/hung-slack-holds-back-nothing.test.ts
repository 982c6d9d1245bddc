import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM } from '../support/incident-driver.js';
import { ackText, sendSlashCommand } from '../support/slack-requests.js';
import { DANA, type ProcessRig, processRig, type StartedBot } from './support/rig.js';

/** The bot's own bound on a Slack call (SLACK_TIMEOUT_MS in src/bot.ts). */
const SLACK_TIMEOUT_MS = 10_000;

/**
 * A Slack call that never returns holds up only the incident it is for, only until the call's
 * timeout, and never a shutdown: SIGTERM ends the process within 10 s.
 */
describe('hung Slack holds back nothing', () => {
  let rig: ProcessRig;
  let bot: StartedBot;

  beforeAll(async () => {
    rig = await processRig();
    bot = await rig.start();
  });
  afterAll(async () => {
    await rig?.close();
  });

  const hungCalls = (method: string) =>
    rig.slack.callsTo(method).filter((call) => call.response.error === 'hung').length;
  const openWithoutWaiting = async (title: string) =>
    ackText(await sendSlashCommand(bot.target, { text: `open ${title}`, userId: DANA, teamId: TEAM }));
  const channelOf = async (title: string) =>
    (await rig.db.selectFrom('incidents').select('channel_id').where('title', '=', title).executeTakeFirst())
      ?.channel_id ?? null;

  it("lets other incidents' effects go out while one incident's Slack call hangs", async () => {
    rig.slack.hang('conversations.create');
    expect(await openWithoutWaiting('Stuck in Slack')).toMatch(/^Opening/);
    await expect.poll(() => hungCalls('conversations.create')).toBe(1);
    const hungAt = Date.now();

    const other = await bot.drive.open('Not stuck at all', DANA, rig.slack.responseUrl());
    // The header is recorded, then pinned.
    await expect.poll(() => rig.slack.workspace.pins(other.channel)).toEqual([other.headerTs]);
    expect(Date.now() - hungAt).toBeLessThan(SLACK_TIMEOUT_MS / 2);
    expect(await channelOf('Stuck in Slack')).toBeNull();

    // The hung call itself gives up at its timeout, and the retry creates the channel.
    await expect
      .poll(() => channelOf('Stuck in Slack'), { timeout: SLACK_TIMEOUT_MS + 5_000 })
      .not.toBeNull();
  });

  it('exits within 10 s of SIGTERM while Slack calls hang', async () => {
    const hungBefore = hungCalls('conversations.create');
    rig.slack.hang('conversations.create');
    // Its retry too: the listeners' client tries twice.
    rig.slack.hang('views.open', 2);
    // A form to open after the ack, and an incident channel to create: both will hang.
    await sendSlashCommand(bot.target, { text: 'open', userId: DANA, teamId: TEAM });
    expect(await openWithoutWaiting('Stuck at shutdown')).toMatch(/^Opening/);
    await expect.poll(() => hungCalls('views.open')).toBe(1);
    await expect.poll(() => hungCalls('conversations.create')).toBe(hungBefore + 1);

    const signalledAt = Date.now();
    bot.process.child.kill('SIGTERM');
    expect(await bot.process.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
  });
});
