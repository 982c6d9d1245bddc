import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TIMERS_QUEUE } from '../../src/adapters/bullmq/timer-job.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { recordClosedIncident } from '../support/closed-incident.js';
import { eventTime, incidentDriver, TEAM } from '../support/incident-driver.js';
import { placedTimers } from '../support/placed-timers.js';

const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
const DANA_ZONE = 'America/Los_Angeles';
const ALEX_ZONE = 'Asia/Kolkata';

/** Chores are placed in working hours; `placedTimers` checks the placement and runs them when due. */
describe('postmortem and follow-up reminders', () => {
  let t: BotUnderTest;
  let queue: Queue;

  beforeAll(async () => {
    t = await startBotUnderTest({
      env: {
        POSTMORTEM_DUE: 'PT2S',
        DIAGNOSIS_HOLD: 'PT0S',
        UPDATE_CADENCE: 'SEV1=PT0S,SEV2=PT0S',
        TIMER_RECONCILE_EVERY: 'PT1S',
      },
    });
    t.slack.workspace.addUser({ id: DANA, name: 'dana', tz: DANA_ZONE });
    t.slack.workspace.addUser({ id: ALEX, name: 'alex', tz: ALEX_ZONE });
    queue = new Queue(TIMERS_QUEUE, { connection: { url: inject('redisUrl') }, prefix: t.queuePrefix });
  });
  afterAll(async () => {
    await queue?.close();
    await t?.stop();
  });

  const runPlaced = (key: string, zone: string, fired: () => Promise<boolean>) =>
    placedTimers(queue).runPlaced(key, zone, fired);

  async function delayedJob(key: string) {
    const { delayed } = placedTimers(queue);
    await expect.poll(async () => (await delayed(key)) !== undefined, { timeout: 5_000 }).toBe(true);
    const job = await delayed(key);
    if (!job) throw new Error(`no delayed job ${key}`);
    return job;
  }

  it('reminds the commander halfway and at the deadline, by direct message, in their working hours', async () => {
    const drive = incidentDriver(t);
    const incident = await drive.open('Webhooks delayed', DANA);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await drive.resolve(incident, DANA, 'Drained the webhook queue', { postmortemWanted: true });

    const reminded = (n: number) => async () =>
      (await drive.events(incident.id, 'PostmortemReminded')).length >= n;
    await runPlaced('postmortem-reminder-1', DANA_ZONE, reminded(1));
    await runPlaced('postmortem-reminder-2', DANA_ZONE, reminded(2));
    expect(await drive.events(incident.id, 'PostmortemReminded')).toHaveLength(2);
    await t.outboxSettled();
    const dms = drive.posted(t.slack.workspace.imWith(DANA).id).map((call) => String(call.args.text));
    expect(dms).toHaveLength(2);
    expect(dms[0]).toMatch(/postmortem for INC-\d+ \(Webhooks delayed\) is due /);
    expect(dms[1]).toContain('is due now');
    // The next one is a day after the deadline: overdue, and the VP hears too.
    const third = await delayedJob('postmortem-reminder-3');
    const resolvedAt = eventTime((await drive.events(incident.id, 'IncidentResolved'))[0]);
    expect(Date.parse(third.data.dueAt) - resolvedAt).toBe(2_000 + 24 * 3_600_000);
  });

  it('reminds a follow-up owner before the due date and when it is overdue', async () => {
    const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 10);
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
      (await incidentDriver(t).events(id, 'FollowUpReminded')).length >= n;
    await runPlaced('follow-up-b1-before', ALEX_ZONE, remindedTimes(1));
    await runPlaced('follow-up-b1-overdue', ALEX_ZONE, remindedTimes(2));
    await t.outboxSettled();
    const dms = incidentDriver(t)
      .posted(t.slack.workspace.imWith(ALEX).id)
      .map((call) => String(call.args.text));
    expect(dms).toEqual([
      expect.stringContaining(`"Idempotency keys on charges", is due ${yesterday}`),
      expect.stringContaining(`"Idempotency keys on charges", was due ${yesterday} and is still open`),
    ]);
    const reminded = await t.db
      .selectFrom('incident_events')
      .select('payload')
      .where('incident_id', '=', id)
      .where('type', '=', 'FollowUpReminded')
      .execute();
    expect(reminded.map((r) => (r.payload as { which: string }).which)).toEqual(['before', 'overdue']);
  });
});
