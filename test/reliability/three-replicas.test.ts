import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_REVIEW_JOB } from '../../src/adapters/bullmq/timer-queue.js';
import { incidentDriver, TEAM } from '../support/incident-driver.js';
import { waitForOutboxSettled } from '../support/outbox-settled.js';
import type { RecordedCall, SlackStandIn } from '../support/slack-stand-in/index.js';
import { DANA, type ProcessRig, processRig, type StartedBot, slashIn, timersQueue } from './support/rig.js';

const REPLICAS = 3;
const ANNOUNCE = 'C0ANNOUNCE';
const REVIEWS = 'C0REVIEWS';
const VP = 'U0VP';
const ALEX = 'U0ALEX';
/** Drivers used only to read the database: they send nothing. */
const NO_TARGET = { url: 'http://127.0.0.1:9/unused', signingSecret: 'unused' };

/** One deployment's settings, the same on every replica; timers short enough to fire within the test. */
const DEPLOYMENT_ENV = {
  ANNOUNCE_CHANNEL: ANNOUNCE,
  POSTMORTEM_CHANNEL: REVIEWS,
  ESCALATION_EXEC: VP,
  DIAGNOSIS_HOLD: 'PT2S',
  ESCALATE_AFTER: 'PT4S',
  UPDATE_CADENCE: 'SEV1=PT3S,SEV2=PT3S',
  // Every replica reconciles often, re-upserting the weekly review's scheduler and every timer.
  TIMER_RECONCILE_EVERY: 'PT1S',
};

/** The incident a message's metadata names, and its kind (header, announcement), when it has them. */
const metadataOf = (call: RecordedCall) =>
  call.args.metadata as { event_type?: string; event_payload?: { incident_id?: string } } | undefined;

/** What Slack saw of one incident, counted: each must be exactly what one bot would have done. */
function slackCallsFor(slack: SlackStandIn, incident: { id: string; channel: string }) {
  const posts = slack.callsTo('chat.postMessage').filter((call) => call.response.ok === true);
  const text = (call: RecordedCall) => String(call.args.text ?? '');
  const inChannel = posts.filter((call) => call.args.channel === incident.channel);
  const about = (type: string) => (call: RecordedCall) =>
    metadataOf(call)?.event_type === type && metadataOf(call)?.event_payload?.incident_id === incident.id;
  return {
    headers: posts.filter(about('incident_header')),
    pins: slack.callsTo('pins.add').filter((call) => call.args.channel === incident.channel),
    announcements: posts.filter(about('incident_announcement')),
    holdSummaries: inChannel.filter((call) => text(call).includes('the diagnosis hold is over')),
    escalationPages: inChannel.filter((call) => text(call).includes('needs a senior engineer')),
    nudges: inChannel.filter((call) => text(call).includes('a stakeholder update for')),
    execBriefs: posts.filter(
      (call) =>
        text(call).includes('is escalated to you') && JSON.stringify(call.args).includes(incident.channel),
    ),
  };
}

/**
 * Three replicas of one deployment (one PostgreSQL, one Redis, one queue prefix): an incident
 * driven through all of them in turn, whose timers fire while every replica's worker and reconcile
 * run. Slack sees each thing once: one channel, one header, one announcement, one hold summary,
 * one escalation, one nudge per due update, one weekly review.
 */
describe('three replicas of one deployment', () => {
  let rig: ProcessRig;
  let queue: Queue;

  beforeAll(async () => {
    rig = await processRig();
    for (const [id, name] of [
      [ANNOUNCE, 'incidents'],
      [REVIEWS, 'reviews'],
    ] as const)
      rig.slack.addChannel({ id, name, members: [DANA, ALEX] });
  });
  afterAll(async () => {
    await queue?.close();
    await rig?.close();
  });

  /**
   * Once the incident's timers have fired (the hold ended, it escalated, an update came due) and
   * every effect is done: each thing reached Slack once, and each nudge recorded was posted once.
   */
  async function expectEachOnce(incident: { id: string; channel: string }) {
    const events = incidentDriver({ slack: rig.slack, db: rig.db, target: NO_TARGET }).events;
    for (const type of ['HoldEnded', 'IncidentEscalated', 'UpdateNudged'])
      await expect
        .poll(async () => (await events(incident.id, type)).length, { timeout: 15_000 })
        .toBeGreaterThan(0);
    await waitForOutboxSettled(rig.db, 15_000);
    const seen = slackCallsFor(rig.slack, incident);
    expect({
      headers: seen.headers.length,
      pins: seen.pins.length,
      announcements: seen.announcements.length,
      holdSummaries: seen.holdSummaries.length,
      escalationPages: seen.escalationPages.length,
      execBriefs: seen.execBriefs.length,
      holdsEnded: (await events(incident.id, 'HoldEnded')).length,
      escalations: (await events(incident.id, 'IncidentEscalated')).length,
    }).toEqual({
      headers: 1,
      pins: 1,
      announcements: 1,
      holdSummaries: 1,
      escalationPages: 1,
      execBriefs: 1,
      holdsEnded: 1,
      escalations: 1,
    });
    expect(seen.nudges).toHaveLength((await events(incident.id, 'UpdateNudged')).length);
  }

  describe('over HTTP, each request to the next replica', () => {
    let bots: StartedBot[] = [];

    beforeAll(async () => {
      bots = await Promise.all(Array.from({ length: REPLICAS }, () => rig.start(DEPLOYMENT_ENV)));
      queue = timersQueue(rig.queuePrefix);
    });
    afterAll(() => {
      for (const bot of bots) bot.process.child.kill('SIGTERM');
    });

    it('does every timer, announcement and reminder once', async () => {
      const [first, second, third] = bots as [StartedBot, StartedBot, StartedBot];
      const incident = await first.drive.open('Checkout errors after deploy', DANA, rig.slack.responseUrl());
      const through = [second, third, first, second, third];
      const commands = [
        'hypothesis The new payment client times out',
        'note Rolled back the canary at 10:02',
        'hypothesis A config flag flipped',
        'note Error rate falling',
        'hypothesis Rate limiting at the gateway',
      ];
      for (const [n, text] of commands.entries()) {
        const answer = await slashIn((through[n] as StartedBot).target, incident, text);
        expect(answer.status).toBe(200);
      }
      await third.drive.click(incident, 'role.take', ALEX, 'commander');
      await expectEachOnce(incident);
      expect(rig.slack.callsTo('conversations.create').filter((c) => c.response.ok === true)).toHaveLength(1);
    });

    it('has one weekly review scheduler for the deployment, and posts its review once', async () => {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual([WEEKLY_REVIEW_JOB]);
      const next = (await queue.getDelayed()).filter((job) => job.name === WEEKLY_REVIEW_JOB);
      expect(next).toHaveLength(1);
      const isReview = (call: RecordedCall) =>
        call.args.channel === REVIEWS && String(call.args.text).startsWith('Weekly follow-up review');
      await (next[0] as (typeof next)[number]).promote();
      await expect
        .poll(() => rig.slack.callsTo('chat.postMessage').filter(isReview).length, { timeout: 10_000 })
        .toBe(1);
      await expect
        .poll(async () => (await queue.getJobCounts('completed')).completed, { timeout: 10_000 })
        .toBe(1);
      expect(rig.slack.callsTo('chat.postMessage').filter(isReview)).toHaveLength(1);
    });
  });

  describe('over Socket Mode, each envelope to the next connection', () => {
    let bots: StartedBot[] = [];

    beforeAll(async () => {
      const env = { ...DEPLOYMENT_ENV, SLACK_APP_TOKEN: 'xapp-test-token', SLACK_SIGNING_SECRET: '' };
      bots = await Promise.all(Array.from({ length: REPLICAS }, () => rig.start(env)));
      await rig.slack.socketMode.connected(REPLICAS);
    });
    afterAll(() => {
      for (const bot of bots) bot.process.child.kill('SIGTERM');
    });

    const slash = (text: string, channelId: string) =>
      rig.slack.socketMode.send('slash_commands', {
        team_id: TEAM,
        channel_id: channelId,
        user_id: DANA,
        command: '/incident',
        text,
        response_url: rig.slack.responseUrl(),
        trigger_id: `1.${Math.random()}`,
      });

    it('does every timer, announcement and reminder once', async () => {
      const title = 'Search latency over Socket Mode';
      expect(await slash(`open ${title}`, 'C0GENERAL')).toMatchObject({ response_type: 'ephemeral' });
      const channelOf = async () =>
        (
          await rig.db
            .selectFrom('incidents')
            .select(['id', 'channel_id'])
            .where('title', '=', title)
            .execute()
        )[0];
      await expect
        .poll(async () => (await channelOf())?.channel_id ?? null, { timeout: 10_000 })
        .not.toBeNull();
      const row = await channelOf();
      const incident = { id: row?.id ?? '', channel: row?.channel_id ?? '' };
      for (const text of [
        'hypothesis The index is rebuilding',
        'note Traffic is normal',
        'hypothesis A hot shard',
      ])
        expect(await slash(text, incident.channel)).toMatchObject({ response_type: 'ephemeral' });
      await expectEachOnce(incident);
    });
  });
});
