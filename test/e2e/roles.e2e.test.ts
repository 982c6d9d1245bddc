import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { blockActionPayload } from '../support/slack-payloads.js';
import { sendInteraction, sendSlashCommand } from '../support/slack-requests.js';

const TEAM = 'T0001';

describe('roles from the header', () => {
  let t: BotUnderTest;
  let channel = '';
  let headerTs = '';
  let incidentId = '';

  beforeAll(async () => {
    t = await startBotUnderTest();
    await sendSlashCommand(t.target, {
      text: 'open Login failures',
      userId: 'U0REP',
      teamId: TEAM,
      responseUrl: t.slack.responseUrl(),
    });
    await t.slack.waitForCall('pins.add');
    await t.outboxSettled();
    const row = await t.db
      .selectFrom('incidents')
      .select(['id', 'channel_id', 'header_ts'])
      .executeTakeFirstOrThrow();
    [channel, headerTs, incidentId] = [row.channel_id ?? '', row.header_ts ?? '', row.id];
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function pick(role: string, actor: string, chosen: string) {
    const before = (await assignments()).length;
    const responseUrl = t.slack.responseUrl();
    const response = await sendInteraction(
      t.target,
      blockActionPayload({
        actionId: `role.assign.${role}`,
        blockId: 'assign',
        userId: actor,
        selectedUser: chosen,
        channelId: channel,
        messageTs: headerTs,
        teamId: TEAM,
        responseUrl,
      }),
    );
    expect(response.status).toBe(200);
    await settledAfter(before);
  }

  /** Slack got its ack before the change committed: wait for the event, then for Slack's side. */
  async function settledAfter(count: number) {
    await expect.poll(async () => (await assignments()).length).toBeGreaterThan(count);
    await t.outboxSettled();
  }

  async function take(role: string, actor: string) {
    const before = (await assignments()).length;
    await sendInteraction(
      t.target,
      blockActionPayload({
        actionId: 'role.take',
        value: role,
        userId: actor,
        channelId: channel,
        messageTs: headerTs,
        teamId: TEAM,
      }),
    );
    await settledAfter(before);
  }

  const assignments = async () =>
    (
      await t.db
        .selectFrom('incident_events')
        .select('payload')
        .where('incident_id', '=', incidentId)
        .where('type', '=', 'RoleAssigned')
        .orderBy('seq')
        .execute()
    ).map(
      (e) => e.payload as { role: string; userId: string; previous: string | null; via: string; by: string },
    );

  it('gives commander to exactly one of two people clicking at the same moment, and tells the other who has it', async () => {
    await sendSlashCommand(t.target, {
      text: 'open Race for commander',
      userId: 'U0REP',
      teamId: TEAM,
      responseUrl: t.slack.responseUrl(),
    });
    await t.slack.waitForCalls('pins.add', 2);
    await t.outboxSettled();
    const race = await t.db
      .selectFrom('incidents')
      .select(['id', 'channel_id', 'header_ts'])
      .where('number', '=', 2)
      .executeTakeFirstOrThrow();
    const click = (userId: string) =>
      sendInteraction(
        t.target,
        blockActionPayload({
          actionId: 'role.take',
          value: 'commander',
          userId,
          channelId: race.channel_id ?? '',
          messageTs: race.header_ts ?? '',
          teamId: TEAM,
          responseUrl: t.slack.responseUrl(`race-${userId}`),
        }),
      );
    const responses = await Promise.all([click('U0FIRST'), click('U0SECOND')]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const told = await t.slack.waitForCall('response_url', (c) =>
      String(c.args.text).includes('is already commander'),
    );
    const commanders = await t.db
      .selectFrom('incident_events')
      .select('payload')
      .where('incident_id', '=', race.id)
      .where('type', '=', 'RoleAssigned')
      .execute();
    expect(commanders).toHaveLength(1);
    const winner = (commanders[0]?.payload as { userId: string } | undefined)?.userId;
    expect(String(told.args.text)).toContain(`<@${winner}>`);
    expect(told.path).toBe(`/response/race-${winner === 'U0FIRST' ? 'U0SECOND' : 'U0FIRST'}`);
  });

  it('answers a malformed button privately instead of failing silently', async () => {
    const responseUrl = t.slack.responseUrl();
    const response = await sendInteraction(
      t.target,
      blockActionPayload({
        actionId: 'role.take',
        value: 'captain',
        userId: 'U0X',
        channelId: channel,
        messageTs: headerTs,
        teamId: TEAM,
        responseUrl,
      }),
    );
    expect(response.status).toBe(200);
    const told = await t.slack.waitForCall('response_url', (c) => c.path === new URL(responseUrl).pathname);
    expect(String(told.args.text)).toContain('could not read that');
  });

  it('takes, assigns and hands off each role, keeping the previous holder on record', async () => {
    await take('commander', 'U0TAKER');
    await pick('commander', 'U0TAKER', 'U0BOSS'); // the holder hands it off
    for (const role of ['communicator', 'scribe']) {
      await take(role, 'U0TAKER');
      await pick(role, 'U0BOSS', 'U0ASSIGNEE'); // the commander gives it to someone else
      await pick(role, 'U0ASSIGNEE', 'U0NEXT'); // the holder hands it off
    }
    const all = await assignments();
    expect(all.filter((a) => a.role === 'commander').map((a) => [a.via, a.userId, a.previous, a.by])).toEqual(
      [
        ['took', 'U0TAKER', null, 'U0TAKER'],
        ['handed_off', 'U0BOSS', 'U0TAKER', 'U0TAKER'],
      ],
    );
    for (const role of ['communicator', 'scribe']) {
      const history = all.filter((a) => a.role === role).map((a) => [a.via, a.userId, a.previous, a.by]);
      expect(history).toEqual([
        ['took', 'U0TAKER', null, 'U0TAKER'],
        ['assigned', 'U0ASSIGNEE', 'U0TAKER', 'U0BOSS'],
        ['handed_off', 'U0NEXT', 'U0ASSIGNEE', 'U0ASSIGNEE'],
      ]);
    }
    const header = JSON.stringify(t.slack.workspace.message(channel, headerTs)?.blocks);
    expect(header).toContain('*Commander*: <@U0BOSS>');
    expect(header).toContain('*Scribe*: <@U0NEXT>');
    // Each new holder was invited to the channel.
    expect(t.slack.workspace.channels.get(channel)?.members.has('U0NEXT')).toBe(true);
  });

  it('lets only the holder or the commander move a held role, and says who can', async () => {
    const before = (await assignments()).length;
    const responseUrl = t.slack.responseUrl();
    await sendInteraction(
      t.target,
      blockActionPayload({
        actionId: 'role.assign.scribe',
        selectedUser: 'U0PASSERBY',
        userId: 'U0PASSERBY',
        channelId: channel,
        messageTs: headerTs,
        teamId: TEAM,
        responseUrl,
      }),
    );
    const told = await t.slack.waitForCall('response_url', (c) => c.path === new URL(responseUrl).pathname);
    expect(String(told.args.text)).toContain(
      '<@U0NEXT> holds scribe; only they or the commander (<@U0BOSS>)',
    );
    expect(await assignments()).toHaveLength(before);
  });
});
