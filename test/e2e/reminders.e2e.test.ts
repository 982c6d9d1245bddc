import type { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { recordClosedIncident } from '../support/closed-incident.js';
import { eventTime, incidentDriver, TEAM } from '../support/incident-driver.js';
import { openTimersQueue } from '../support/pending-timers.js';
import { placedTimers } from '../support/placed-timers.js';

const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
const DANA_ZONE = 'America/Los_Angeles';
const ALEX_ZONE = 'Asia/Kolkata';
const DAY = 24 * 3_600_000;

/**
 * Each test pins the bot's clock, so it runs the same at any hour of any day: once with the
 * recipient inside their working hours (09:00–18:00 on weekdays, where a reminder goes out when
 * due), once outside them (where it is held for the next opening). Tuesday 16 June 2026 is an
 * ordinary weekday, far from any daylight-saving change (Los Angeles is on UTC-7, Kolkata on UTC+5:30).
 */
const PLACEMENTS = [
  {
    hours: 'inside',
    dana: { startsAt: '2026-06-16T10:00:00-07:00', local: 'Tue 16 Jun 2026 10:00 in Los Angeles' },
    // The postmortem reminders go out when due.
    danaHeldUntil: null,
    alex: { startsAt: '2026-06-16T11:00:00+05:30', local: 'Tue 16 Jun 2026 11:00 in Kolkata' },
    // Both follow-up reminders are past due and their windows (Mon, Tue 09:00 in Kolkata) have opened.
    alexOverdueHeldUntil: null,
  },
  {
    hours: 'outside',
    dana: { startsAt: '2026-06-16T19:30:00-07:00', local: 'Tue 16 Jun 2026 19:30 in Los Angeles' },
    // Wed 17 Jun 09:00 in Los Angeles.
    danaHeldUntil: '2026-06-17T16:00:00.000Z',
    alex: { startsAt: '2026-06-16T07:00:00+05:30', local: 'Tue 16 Jun 2026 07:00 in Kolkata' },
    // The "before" reminder's window opened on Monday; the overdue one waits for Tue 09:00 in Kolkata.
    alexOverdueHeldUntil: '2026-06-16T03:30:00.000Z',
  },
] as const;

for (const placement of PLACEMENTS) {
  describe(`postmortem and follow-up reminders, ${placement.hours} working hours`, () => {
    // What the running test started, for afterEach to stop.
    let started: { bot: BotUnderTest; queue: Queue } | undefined;

    /** A bot whose clock starts at `startsAt`; `placedTimers` checks placements and runs chores. */
    async function botAt(startsAt: string) {
      const bot = await startBotUnderTest({
        clockStartsAt: startsAt,
        env: {
          POSTMORTEM_DUE: 'PT2S',
          DIAGNOSIS_HOLD: 'PT0S',
          UPDATE_CADENCE: 'SEV1=PT0S,SEV2=PT0S',
          TIMER_RECONCILE_EVERY: 'PT1S',
        },
      });
      bot.slack.workspace.addUser({ id: DANA, name: 'dana', tz: DANA_ZONE });
      bot.slack.workspace.addUser({ id: ALEX, name: 'alex', tz: ALEX_ZONE });
      const timersQueue = openTimersQueue(bot.queuePrefix);
      started = { bot, queue: timersQueue };
      return { t: bot, queue: timersQueue, timers: placedTimers(timersQueue, bot.clock) };
    }
    afterEach(async () => {
      await started?.queue.close();
      await started?.bot.stop();
      started = undefined;
    });

    it(`reminds the commander halfway and at the deadline, by direct message, in their working hours (clock at ${placement.dana.local})`, async () => {
      const { t, timers } = await botAt(placement.dana.startsAt);
      const drive = incidentDriver(t);
      const incident = await drive.open('Webhooks delayed', DANA);
      await drive.click(incident, 'role.take', DANA, 'commander');
      await drive.resolve(incident, DANA, 'Drained the webhook queue', { postmortemWanted: true });

      const reminded = (n: number) => async () =>
        (await drive.events(incident.id, 'PostmortemReminded')).length >= n;
      const first = await timers.runPlaced('postmortem-reminder-1', DANA_ZONE, reminded(1));
      const second = await timers.runPlaced('postmortem-reminder-2', DANA_ZONE, reminded(2));
      expect([first.heldUntil, second.heldUntil]).toEqual([placement.danaHeldUntil, placement.danaHeldUntil]);
      expect(await drive.events(incident.id, 'PostmortemReminded')).toHaveLength(2);
      await t.outboxSettled();
      // Dana's other direct message is her briefing as the new commander.
      const dms = drive
        .posted(t.slack.workspace.imWith(DANA).id)
        .map((call) => String(call.args.text))
        .filter((text) => text.includes('postmortem'));
      expect(dms).toHaveLength(2);
      expect(dms[0]).toMatch(/postmortem for INC-\d+ \(Webhooks delayed\) is due /);
      expect(dms[1]).toContain('is due now');
      // The next one is a day after the deadline: overdue, and the VP hears too.
      await expect
        .poll(async () => (await timers.delayed('postmortem-reminder-3')) !== undefined, { timeout: 5_000 })
        .toBe(true);
      const third = await timers.delayed('postmortem-reminder-3');
      const resolvedAt = eventTime((await drive.events(incident.id, 'IncidentResolved'))[0]);
      expect(Date.parse(third?.data.dueAt ?? '') - resolvedAt).toBe(2_000 + DAY);
    });

    it(`reminds a follow-up owner before the due date and when it is overdue (clock at ${placement.alex.local})`, async () => {
      const { t, timers } = await botAt(placement.alex.startsAt);
      const drive = incidentDriver(t);
      // Due dates are calendar dates read as UTC midnight: yesterday by the bot's clock.
      const yesterday = new Date(t.clock.now().getTime() - DAY).toISOString().slice(0, 10);
      const id = await recordClosedIncident(t, {
        teamId: TEAM,
        commander: DANA,
        title: 'Billing double charge',
        followUps: [
          {
            id: 'b1',
            title: 'Idempotency keys on charges',
            owner: ALEX,
            due: yesterday,
            rank: 1,
            control: true,
          },
          {
            id: 'b2',
            title: 'Alert on duplicate charges',
            owner: DANA,
            due: '2099-01-01',
            rank: 2,
            control: true,
          },
          { id: 'b3', title: 'Refund runbook', owner: DANA, due: '2099-01-02', rank: 3, control: false },
        ],
      });
      // Nobody synced this incident's timers: the periodic reconcile finds them.
      const remindedTimes = (n: number) => async () =>
        (await drive.events(id, 'FollowUpReminded')).length >= n;
      const before = await timers.runPlaced('follow-up-b1-before', ALEX_ZONE, remindedTimes(1));
      const overdue = await timers.runPlaced('follow-up-b1-overdue', ALEX_ZONE, remindedTimes(2));
      expect([before.heldUntil, overdue.heldUntil]).toEqual([null, placement.alexOverdueHeldUntil]);
      await t.outboxSettled();
      const dms = drive.posted(t.slack.workspace.imWith(ALEX).id).map((call) => String(call.args.text));
      expect(dms).toEqual([
        expect.stringContaining(`"Idempotency keys on charges", is due ${yesterday}`),
        expect.stringContaining(`"Idempotency keys on charges", was due ${yesterday} and is still open`),
      ]);
      const reminded = await drive.events(id, 'FollowUpReminded');
      expect(reminded.map((r) => (r.payload as { which: string }).which)).toEqual(['before', 'overdue']);
    });
  });
}
