import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_REVIEW_JOB } from '../../src/adapters/bullmq/timer-queue.js';
import type { FollowUpInput } from '../../src/domain/index.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { recordClosedIncident } from '../support/closed-incident.js';
import { commandCoreOn } from '../support/command-core.js';
import { TEAM } from '../support/incident-driver.js';
import { openTimersQueue } from '../support/pending-timers.js';
import type { RecordedCall } from '../support/slack-stand-in/index.js';

const POSTMORTEMS = 'C0POSTMORTEMS';
const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
const ZONE = 'Europe/Berlin';
/**
 * The bot's clock is pinned to the review's own slot, Friday 19 June 2026 16:30 in Berlin: "overdue"
 * and "once a day" count Berlin dates, and no run of this test may straddle a Berlin midnight.
 */
const CLOCK_STARTS_AT = '2026-06-19T16:30:00+02:00';
const REVIEW_TEXT = 'Weekly follow-up review';

/** Two replicas of one deployment: one database, one queue prefix, one Slack, one clock. */
async function startDeployment(weeklyReview: string) {
  const env = { POSTMORTEM_CHANNEL: POSTMORTEMS, WEEKLY_REVIEW: weeklyReview, TIMEZONE: ZONE };
  const t = await startBotUnderTest({ env, clockStartsAt: CLOCK_STARTS_AT });
  t.slack.addChannel({ id: POSTMORTEMS, name: 'postmortems' });
  const second = await startBotUnderTest({
    env,
    slack: t.slack,
    database: t.database,
    queuePrefix: t.queuePrefix,
    clock: t.clock,
  });
  const queue = openTimersQueue(t.queuePrefix);
  return {
    t,
    queue,
    async stop() {
      await queue.close();
      await second.stop();
      await t.stop();
    },
  };
}

describe('the weekly follow-up review schedule', () => {
  let deployment: Awaited<ReturnType<typeof startDeployment>> | undefined;
  beforeAll(async () => {
    deployment = await startDeployment('FRI 16:30');
  });
  afterAll(async () => {
    await deployment?.stop();
  });

  it('is one job scheduler per deployment, at the configured local time', async () => {
    const schedulers = (await deployment?.queue.getJobSchedulers()) ?? [];
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({
      key: WEEKLY_REVIEW_JOB,
      pattern: '30 16 * * 5',
      tz: ZONE,
    });
  });
});

/**
 * The runs are jobs the test adds itself, with the schedule off: BullMQ fires a schedule by real
 * time, which the pinned clock does not move, and a run it fired would take the day's review.
 */
describe('the weekly follow-up review (clock at Fri 19 Jun 2026 16:30 in Berlin)', () => {
  let t: BotUnderTest;
  let queue: Queue;
  let deployment: Awaited<ReturnType<typeof startDeployment>> | undefined;

  beforeAll(async () => {
    deployment = await startDeployment('off');
    ({ t, queue } = deployment);
  });
  afterAll(async () => {
    await deployment?.stop();
  });

  const closedIncident = (title: string, followUps: FollowUpInput[]) =>
    recordClosedIncident(t, { teamId: TEAM, commander: DANA, title, followUps });
  /** The Berlin calendar date `days` from the bot's today. */
  const dateIn = (days: number) =>
    DateTime.fromJSDate(t.clock.now(), { zone: ZONE }).plus({ days }).toISODate() ?? '';
  /**
   * The review's own posts. The closed incidents' postmortem drafts go to the same channel,
   * whenever the outbox gets to them, so a count of every post there would race with them.
   */
  const isReview = (call: RecordedCall) =>
    call.args.channel === POSTMORTEMS && String(call.args.text).startsWith(REVIEW_TEXT);

  it('posts every open follow-up by owner, overdue first, and the ones dropped this week, once a day at most', async () => {
    const first = await closedIncident('Payments failing', [
      { id: 'p1', title: 'Alert on payment errors', owner: ALEX, due: dateIn(10), rank: 1, control: true },
      { id: 'p2', title: 'Automate rollback', owner: DANA, due: dateIn(-3), rank: 2, control: false },
      {
        id: 'p3',
        title: 'Runbook for the payment provider',
        owner: DANA,
        due: dateIn(5),
        rank: 3,
        control: false,
      },
    ]);
    await closedIncident('Search stale', [
      { id: 's1', title: 'Index freshness alert', owner: ALEX, due: dateIn(-1), rank: 1, control: true },
      { id: 's2', title: 'Reindex job retries', owner: ALEX, due: dateIn(20), rank: 2, control: false },
      { id: 's3', title: 'Capacity review', owner: DANA, due: dateIn(2), rank: 3, control: false },
    ]);
    await commandCoreOn(t.db).run({
      incidentId: first,
      origin: null,
      command: {
        type: 'DropFollowUp',
        actor: DANA,
        now: t.clock.now().toISOString(),
        followUpId: 'p3',
        reason: 'The provider is being replaced next month',
      },
    });

    const job = await queue.add(WEEKLY_REVIEW_JOB, {});
    const review = await t.slack.waitForCall('chat.postMessage', isReview);
    expect(String(review.args.text)).toBe(`${REVIEW_TEXT}: 5 open follow-ups, 2 overdue.`);
    const sections = (review.args.blocks as { text?: { text: string } }[]).map((b) => b.text?.text ?? '');
    // Both owners have one overdue item; Alex sorts first by id. Overdue items lead each list.
    const alex = sections.find((s) => s.startsWith(`<@${ALEX}>`)) ?? '';
    const dana = sections.find((s) => s.startsWith(`<@${DANA}>`)) ?? '';
    expect(
      alex
        .split('\n')
        .slice(1)
        .map((l) => l.replace(/ \(due.*/, '')),
    ).toEqual([
      ':red_circle: *overdue* #1 Index freshness alert',
      ':large_blue_circle: #1 Alert on payment errors',
      ':large_blue_circle: #2 Reindex job retries',
    ]);
    expect(
      dana
        .split('\n')
        .slice(1)
        .map((l) => l.replace(/ \(due.*/, '')),
    ).toEqual([':red_circle: *overdue* #2 Automate rollback', ':large_blue_circle: #3 Capacity review']);
    expect(sections.at(-1)).toContain('*Dropped this week*');
    expect(sections.at(-1)).toContain(
      'Runbook for the payment provider, dropped: The provider is being replaced next month',
    );

    await expect.poll(() => job.getState()).toBe('completed');
    const again = await queue.add(WEEKLY_REVIEW_JOB, {});
    await expect.poll(() => again.getState()).toBe('completed');
    expect(t.slack.callsTo('chat.postMessage').filter(isReview)).toHaveLength(1);
  });
});
