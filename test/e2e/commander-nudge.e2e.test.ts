import { describe, expect, it } from 'vitest';
import { eventTime, useBot } from '../support/incident-driver.js';
import { openTimersQueue, pendingTimerKeys } from '../support/pending-timers.js';

const REPORTER = 'U0REP';
const DANA = 'U0DANA';
const NUDGE_MS = 2_000;

/** Nobody has taken command COMMANDER_NUDGE_AFTER after opening: the channel is asked, once. */
describe('the nudge when nobody has taken command', () => {
  const { t, drive } = useBot({
    env: {
      COMMANDER_NUDGE_AFTER: 'PT2S',
      DIAGNOSIS_HOLD: 'PT0S',
      ESCALATE_AFTER: 'PT0S',
      UPDATE_CADENCE: 'SEV1=PT0S,SEV2=PT0S',
    },
  });

  /** Every other timer is off here: once the nudge is done or cancelled, the queue is empty. */
  async function expectNoTimersLeft() {
    const queue = openTimersQueue(t.queuePrefix);
    try {
      await expect.poll(() => pendingTimerKeys(queue)).toEqual([]);
    } finally {
      await queue.close();
    }
  }

  const nudgesIn = (channel: string) =>
    drive.posted(channel).filter((call) => String(call.args.text).includes('Nobody has taken command'));

  it('asks the channel, on time and once, with a Take command button that takes it', async () => {
    const incident = await drive.open('Webhooks failing', REPORTER);
    expect(await drive.slash('timers', REPORTER, incident.channel)).toMatch(
      /\*Nudge to take command\*[\s\S]*COMMANDER_NUDGE_AFTER[\s\S]*Take command button[\s\S]*Anyone taking command/,
    );
    await expect
      .poll(async () => (await drive.events(incident.id, 'CommanderNudged')).length, { timeout: 8_000 })
      .toBe(1);
    const opened = eventTime((await drive.events(incident.id, 'IncidentOpened'))[0]);
    const nudged = eventTime((await drive.events(incident.id, 'CommanderNudged'))[0]);
    expect(Math.abs(nudged - (opened + NUDGE_MS))).toBeLessThan(2_000);
    await t.outboxSettled();

    const nudges = nudgesIn(incident.channel);
    expect(nudges).toHaveLength(1);
    expect(String(nudges[0]?.args.text)).toContain('Who will take it?');
    expect(JSON.stringify(nudges[0]?.args.blocks)).toContain('"value":"commander"');

    // Its button takes command, like the header's.
    const ts = String((nudges[0]?.response as { ts?: string } | undefined)?.ts);
    await drive.clickOn({ channel: incident.channel, ts }, 'role.take', DANA, { value: 'commander' });
    await expect.poll(async () => (await drive.state(incident.id)).roles.commander).toBe(DANA);

    // Asked once: nothing is left to fire.
    await expectNoTimersLeft();
  });

  it('does not fire when someone took command in time', async () => {
    const incident = await drive.open('Exports empty', REPORTER);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await expect.poll(async () => (await drive.state(incident.id)).roles.commander).toBe(DANA);
    await expectNoTimersLeft();
    // Past the time it would have fired, by more than the allowed lateness.
    const opened = eventTime((await drive.events(incident.id, 'IncidentOpened'))[0]);
    await expect
      .poll(() => t.clock.now().getTime() > opened + NUDGE_MS + 1_500, { timeout: 6_000 })
      .toBe(true);
    await t.outboxSettled();
    expect(await drive.events(incident.id, 'CommanderNudged')).toHaveLength(0);
    expect(nudgesIn(incident.channel)).toHaveLength(0);
  });
});
