import { describe, expect, it } from 'vitest';
import { useBotWithIncident } from '../support/incident-driver.js';

describe('roles from the header', () => {
  const { t, drive, incident } = useBotWithIncident('Login failures', 'U0REP');

  async function pick(role: string, actor: string, chosen: string) {
    const before = (await assignments()).length;
    const response = await drive.click(incident, `role.assign.${role}`, actor, {
      blockId: 'assign',
      selectedUser: chosen,
      responseUrl: t.slack.responseUrl(),
    });
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
    await drive.click(incident, 'role.take', actor, role);
    await settledAfter(before);
  }

  const assignments = async () =>
    (await drive.events(incident.id, 'RoleAssigned')).map(
      (e) => e.payload as { role: string; userId: string; previous: string | null; via: string; by: string },
    );

  it('gives commander to exactly one of two people clicking at the same moment, and tells the other who has it', async () => {
    const race = await drive.openSettled('Race for commander', 'U0REP');
    const click = (userId: string) =>
      drive.click(race, 'role.take', userId, {
        value: 'commander',
        responseUrl: t.slack.responseUrl(`race-${userId}`),
      });
    const responses = await Promise.all([click('U0FIRST'), click('U0SECOND')]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const told = await t.slack.waitForCall('response_url', (c) =>
      String(c.args.text).includes('is already commander'),
    );
    const commanders = await drive.events(race.id, 'RoleAssigned');
    expect(commanders).toHaveLength(1);
    const winner = (commanders[0]?.payload as { userId: string } | undefined)?.userId;
    expect(String(told.args.text)).toContain(`<@${winner}>`);
    expect(told.path).toBe(`/response/race-${winner === 'U0FIRST' ? 'U0SECOND' : 'U0FIRST'}`);
  });

  it('answers a malformed button privately instead of failing silently', async () => {
    const responseUrl = t.slack.responseUrl();
    const response = await drive.click(incident, 'role.take', 'U0X', { value: 'captain', responseUrl });
    expect(response.status).toBe(200);
    expect(await drive.toldAt(responseUrl)).toContain('could not read that');
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
    const header = drive.header(incident);
    expect(header).toContain('*Commander*: <@U0BOSS>');
    expect(header).toContain('*Scribe*: <@U0NEXT>');
    // Each new holder was invited to the channel.
    expect(t.slack.workspace.channels.get(incident.channel)?.members.has('U0NEXT')).toBe(true);
  });

  it('lets only the holder or the commander move a held role, and says who can', async () => {
    const before = (await assignments()).length;
    const responseUrl = t.slack.responseUrl();
    await drive.click(incident, 'role.assign.scribe', 'U0PASSERBY', {
      selectedUser: 'U0PASSERBY',
      responseUrl,
    });
    expect(await drive.toldAt(responseUrl)).toContain(
      '<@U0NEXT> holds scribe; only they or the commander (<@U0BOSS>)',
    );
    expect(await assignments()).toHaveLength(before);
  });
});
