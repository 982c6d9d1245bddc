import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_REVIEW_JOB } from '../../src/adapters/bullmq/timer-queue.js';
import type { FollowUpInput } from '../../src/domain/index.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { recordClosedIncident } from '../support/closed-incident.js';
import { commandCoreOn } from '../support/command-core.js';
import { incidentDriver, TEAM } from '../support/incident-driver.js';
import { openTimersQueue } from '../support/pending-timers.js';
import type { RecordedCall } from '../support/slack-stand-in/index.js';

const POSTMORTEMS = 'C0POSTMORTEMS';
const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
const SAM = 'U0SAM';
const OTHER_TEAM = 'T0OTHER';
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

type Deployment = Awaited<ReturnType<typeof startDeployment>>;

/** A deployment for the tests of the describe block it is called in: started before, stopped after. */
function deploymentFor(weeklyReview: string): () => Deployment {
  let deployment: Deployment | undefined;
  beforeAll(async () => {
    deployment = await startDeployment(weeklyReview);
  });
  afterAll(async () => {
    await deployment?.stop();
  });
  return () => {
    if (!deployment) throw new Error('the deployment did not start');
    return deployment;
  };
}

describe('the weekly follow-up review schedule', () => {
  const deployment = deploymentFor('FRI 16:30');

  it('is one job scheduler per deployment, at the configured local time', async () => {
    const schedulers = await deployment().queue.getJobSchedulers();
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
  const deployment = deploymentFor('off');
  let t: BotUnderTest;
  let queue: Queue;
  let secret = '';
  beforeAll(() => {
    ({ t, queue } = deployment());
  });

  const closedIncident = (
    title: string,
    followUps: FollowUpInput[],
    options: { private?: boolean; teamId?: string } = {},
  ) =>
    recordClosedIncident(t, {
      teamId: options.teamId ?? TEAM,
      commander: DANA,
      title,
      followUps,
      ...options,
    });
  const drop = (incidentId: string, followUpId: string, reason: string) =>
    commandCoreOn(t.db).run({
      incidentId,
      origin: null,
      command: { type: 'DropFollowUp', actor: DANA, now: t.clock.now().toISOString(), followUpId, reason },
    });
  /** The Berlin calendar date `days` from the bot's today. */
  const dateIn = (days: number) =>
    DateTime.fromJSDate(t.clock.now(), { zone: ZONE }).plus({ days }).toISODate() ?? '';
  /**
   * The review's own posts. The closed incidents' postmortem drafts go to the same channel,
   * whenever the outbox gets to them, so a count of every post there would race with them.
   */
  const isReviewIn = (channel: string) => (call: RecordedCall) =>
    call.args.channel === channel && String(call.args.text).startsWith(REVIEW_TEXT);
  const isReview = isReviewIn(POSTMORTEMS);
  const dmOf = (user: string) => t.slack.workspace.imWith(user).id;
  const everyReview = () =>
    t.slack.callsTo('chat.postMessage').filter((c) => String(c.args.text).startsWith(REVIEW_TEXT));

  it('posts the public incidents’ open follow-ups by owner, overdue first, and the ones dropped this week', async () => {
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
    await drop(first, 'p3', 'The provider is being replaced next month');
    // A private incident, and another workspace's: neither belongs in this channel's review.
    secret = await closedIncident(
      'Leaked signing key',
      [
        { id: 'k1', title: 'Rotate the signing keys', owner: ALEX, due: dateIn(-2), rank: 1, control: true },
        {
          id: 'k2',
          title: 'Scan repositories for secrets',
          owner: SAM,
          due: dateIn(7),
          rank: 2,
          control: false,
        },
        { id: 'k3', title: 'Move keys into the vault', owner: SAM, due: dateIn(9), rank: 3, control: false },
      ],
      { private: true },
    );
    await drop(secret, 'k3', 'The vault migration covers it');
    await closedIncident(
      'Elsewhere outage',
      [1, 2, 3].map((rank) => ({
        id: `o${rank}`,
        title: `Other workspace promise ${rank}`,
        owner: ALEX,
        due: dateIn(-1),
        rank: rank as 1 | 2 | 3,
        control: false,
      })),
      { teamId: OTHER_TEAM },
    );

    const job = await queue.add(WEEKLY_REVIEW_JOB, {});
    const review = await t.slack.waitForCall('chat.postMessage', isReview);
    await expect.poll(() => job.getState()).toBe('completed');
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
    const dropped = sections.find((s) => s.startsWith('*Dropped this week*')) ?? '';
    expect(dropped).toContain(
      'Runbook for the payment provider, dropped: The provider is being replaced next month',
    );
    expect(dropped).not.toContain('vault');
    const inChannel = JSON.stringify(t.slack.callsTo('chat.postMessage').filter(isReview));
    for (const word of [
      'Leaked signing key',
      'Rotate the signing keys',
      'Scan repositories',
      'vault',
      'Other workspace',
    ])
      expect(inChannel).not.toContain(word);
  });

  it('sends each owner of a private incident’s follow-ups their own by direct message, with done and drop', async () => {
    const alexReview = await t.slack.waitForCall('chat.postMessage', isReviewIn(dmOf(ALEX)));
    const samReview = await t.slack.waitForCall('chat.postMessage', isReviewIn(dmOf(SAM)));
    expect(String(alexReview.args.text)).toBe(
      `${REVIEW_TEXT}, your follow-ups of private incidents: 1 open follow-up, 1 overdue.`,
    );
    const alexText = JSON.stringify(alexReview.args.blocks);
    expect(alexText).toContain('Rotate the signing keys');
    expect(alexText).not.toMatch(/Scan repositories|vault|Other workspace|Payments failing/);
    const samText = JSON.stringify(samReview.args.blocks);
    expect(samText).toContain('Scan repositories for secrets');
    expect(samText).toContain('Move keys into the vault, dropped: The vault migration covers it');
    expect(samText).not.toContain('Rotate the signing keys');
    // Only the private incident's owners get one; nobody gets another workspace's.
    expect(new Set(everyReview().map((c) => c.args.channel))).toEqual(
      new Set([POSTMORTEMS, dmOf(ALEX), dmOf(SAM)]),
    );

    const done = (alexReview.args.blocks as { accessory?: { options: { value: string }[] } }[])
      .flatMap((b) => b.accessory?.options ?? [])
      .find((o) => o.value.startsWith('done|'));
    await incidentDriver(t).clickOn(
      { channel: dmOf(ALEX), ts: String(alexReview.response.ts) },
      'followup.choose',
      ALEX,
      { selectedOption: done?.value ?? '' },
    );
    await expect
      .poll(async () => (await incidentDriver(t).events(secret, 'FollowUpCompleted')).map((e) => e.payload))
      .toEqual([expect.objectContaining({ followUpId: 'k1', by: ALEX })]);
  });

  it('sends the day’s reviews once, from either replica, whatever runs again', async () => {
    const before = everyReview().length;
    const again = await queue.add(WEEKLY_REVIEW_JOB, {});
    await expect.poll(() => again.getState()).toBe('completed');
    expect(everyReview()).toHaveLength(before);
    expect(before).toBe(3);
  });
});

describe('a weekly review too long for one message (clock at Fri 19 Jun 2026 16:30 in Berlin)', () => {
  const deployment = deploymentFor('off');

  it('is split into messages Slack accepts, every follow-up in one of them, and sent once', async () => {
    const { t, queue } = deployment();
    const long = (what: string) =>
      `${what} ${'so that the same failure is caught before customers see it '.repeat(4)}`.slice(0, 150);
    const titles: string[] = [];
    for (let n = 1; n <= 12; n++) {
      const followUps = ([1, 2, 3] as const).map((rank) => {
        titles.push(`Promise ${n}.${rank}`);
        return {
          id: `f${n}-${rank}`,
          title: long(`Promise ${n}.${rank}`),
          owner: `U0OWNER${n % 4}`,
          due: '2026-07-01',
          rank,
          control: rank === 1,
        };
      });
      await recordClosedIncident(t, { teamId: TEAM, commander: DANA, title: long(`Outage ${n}`), followUps });
    }
    const isReview = (c: RecordedCall) =>
      c.args.channel === POSTMORTEMS && String(c.args.text).startsWith(REVIEW_TEXT);

    const job = await queue.add(WEEKLY_REVIEW_JOB, {});
    await expect.poll(() => job.getState()).toBe('completed');
    const posted = t.slack.callsTo('chat.postMessage').filter(isReview);
    expect(posted.length).toBeGreaterThan(1);
    expect(posted.map((c) => c.response.ok)).toEqual(posted.map(() => true));
    expect(String(posted[0]?.args.text)).toBe(`${REVIEW_TEXT}: 36 open follow-ups, 0 overdue.`);
    expect(String(posted.at(-1)?.args.text)).toBe(
      `${REVIEW_TEXT}, continued (${posted.length} of ${posted.length})`,
    );
    const all = JSON.stringify(posted.map((c) => c.args.blocks));
    // Each follow-up's line, once: `:large_blue_circle: #<rank> <title>…`.
    for (const title of titles)
      expect(all.split(`:large_blue_circle: #${title.at(-1)} ${title} `)).toHaveLength(2);
    expect(all).not.toContain('more owners');

    const again = await queue.add(WEEKLY_REVIEW_JOB, {});
    await expect.poll(() => again.getState()).toBe('completed');
    expect(t.slack.callsTo('chat.postMessage').filter(isReview)).toHaveLength(posted.length);
  });
});
