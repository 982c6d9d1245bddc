import { Writable } from 'node:stream';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_REVIEW_JOB } from '../../src/adapters/bullmq/timer-queue.js';
import { createLogger } from '../../src/adapters/observability/logger.js';
import { UNKNOWN_CONTROL } from '../../src/adapters/slack/listeners/kit/block-action.js';
import { BOT_USER_ID, type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { recordClosedIncident } from '../support/closed-incident.js';
import { type DrivenIncident, incidentDriver } from '../support/incident-driver.js';
import { installThroughOAuth, OAUTH_APP, OAUTH_ENV } from '../support/oauth-install.js';
import { openTimersQueue, pendingTimers } from '../support/pending-timers.js';
import { appUninstalledEnvelope, tokensRevokedEnvelope } from '../support/slack-payloads.js';
import { type SlackHttpResult, sendEvent, sendSlashCommand, slashAnswer } from '../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in/index.js';

const ACME = 'T0ACME';
const BETA = 'T0BETA';
/** A workspace that never installed the app, whose id a forger puts in a payload. */
const NEVER = 'T0NEVER';
const ANA = 'U0ANA';
const BEN = 'U0BEN';
const REVIEWS = 'C0REVIEWS';
const ACME_TITLE = 'Acme checkout down';
const BETA_TITLE = 'Beta search slow';

/**
 * Bolt found no installation for the request's workspace: it acks with nothing (Slack shows no
 * answer) and calls no listener, so nothing is recorded or answered.
 */
function expectRefusedByBolt(result: SlackHttpResult): void {
  expect({ status: result.status, body: result.body }).toEqual({ status: 200, body: '' });
}

/** Every log line the bot writes, parsed, so a test can wait for one. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString());
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  // The production logger (debug, so Bolt's and the Web API client's own lines are in too).
  return { logger: createLogger('debug', stream), lines, raw };
}

/**
 * One deployment serving two workspaces installed through OAuth (Bolt's install path and redirect
 * against the stand-in's authorize page and `oauth.v2.access`). Each workspace's incidents are
 * worked with its own token, and neither workspace can see, name or touch the other's.
 */
describe('one deployment serving two workspaces installed through OAuth', () => {
  let slack: SlackStandIn;
  let t: BotUnderTest;
  let queue: Queue;
  const log = capturedLogger();
  const acme = () => incidentDriver(t, ACME);
  const beta = () => incidentDriver(t, BETA);
  let acmeIncident: DrivenIncident;
  let betaIncident: DrivenIncident;

  beforeAll(async () => {
    slack = await startSlackStandIn({ botUserId: BOT_USER_ID, oauth: OAUTH_APP });
    slack.addChannel({ id: REVIEWS, name: 'reviews', members: [ANA, BEN] });
    t = await startBotUnderTest({
      slack,
      logger: log.logger,
      env: { ...OAUTH_ENV, DIAGNOSIS_HOLD: 'PT0S', POSTMORTEM_CHANNEL: REVIEWS },
    });
    queue = openTimersQueue(t.queuePrefix);
  });
  afterAll(async () => {
    await queue?.close();
    await t?.stop();
    await slack?.stop();
  });

  it('refuses requests from a workspace that has not installed the app', async () => {
    const refused = await sendSlashCommand(t.target, {
      text: `open ${ACME_TITLE}`,
      userId: ANA,
      teamId: ACME,
    });
    expectRefusedByBolt(refused);
    expect(await t.db.selectFrom('incidents').select('id').execute()).toEqual([]);
  });

  it('installs two workspaces through OAuth, each with a bot token of its own', async () => {
    for (const teamId of [ACME, BETA]) {
      const done = await installThroughOAuth(t.baseUrl, { teamId });
      expect(done.status).toBe(200);
    }
    const rows = await t.db
      .selectFrom('slack_installations')
      .select(['installation_key', 'team_id', 'installation'])
      .orderBy('installation_key')
      .execute();
    expect(rows.map((row) => row.installation_key)).toEqual([`team:${ACME}`, `team:${BETA}`]);
    const tokenOf = (row: (typeof rows)[number]) =>
      (row.installation as { bot: { token: string; scopes: string[] } }).bot.token;
    expect(tokenOf(rows[0] as (typeof rows)[number])).toBe(slack.oauth.tokensOf(ACME)[0]);
    expect(tokenOf(rows[1] as (typeof rows)[number])).toBe(slack.oauth.tokensOf(BETA)[0]);
    expect(new Set(rows.map(tokenOf)).size).toBe(2);
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(2);
  });

  it('works each workspace’s incident with that workspace’s token only', async () => {
    acmeIncident = await acme().open(ACME_TITLE, ANA);
    betaIncident = await beta().open(BETA_TITLE, BEN);
    await t.outboxSettled();
    const teamsCalledIn = (channel: string) =>
      new Set(slack.calls.filter((call) => call.args.channel === channel).map((call) => call.teamId));
    expect(teamsCalledIn(acmeIncident.channel)).toEqual(new Set([ACME]));
    expect(teamsCalledIn(betaIncident.channel)).toEqual(new Set([BETA]));
    const created = slack.callsTo('conversations.create').map((call) => [call.teamId, call.args.name]);
    expect(created).toEqual([
      [ACME, expect.stringContaining('acme-checkout-down')],
      [BETA, expect.stringContaining('beta-search-slow')],
    ]);
    const rows = await t.db.selectFrom('incidents').select(['team_id', 'title']).orderBy('title').execute();
    expect(rows).toEqual([
      { team_id: ACME, title: ACME_TITLE },
      { team_id: BETA, title: BETA_TITLE },
    ]);
  });

  it('shows status and App Home of the asking workspace’s incidents only', async () => {
    const status = await slashAnswer(t.target, {
      text: 'status',
      userId: BEN,
      teamId: BETA,
      channelId: 'C0ELSEWHERE',
    });
    expect(status).toContain(BETA_TITLE);
    expect(status).not.toContain(ACME_TITLE);
    const home = await beta().openHome(BEN, 'Ev0BETAHOME');
    expect(home).toContain(BETA_TITLE);
    expect(home).not.toContain(ACME_TITLE);
    const published = slack.callsTo('views.publish').filter((call) => call.args.user_id === BEN);
    expect(published.map((call) => call.teamId)).toEqual([BETA]);
  });

  it('refuses payloads whose team id does not own what they name', async () => {
    // Beta's user, Acme's incident channel: in Beta there is no incident there.
    const inAcmeChannel = await slashAnswer(t.target, {
      text: 'status',
      userId: BEN,
      teamId: BETA,
      channelId: acmeIncident.channel,
    });
    expect(inAcmeChannel).not.toContain(ACME_TITLE);
    // Beta's user clicking Acme's header: no incident of Beta's, nothing recorded.
    const responseUrl = slack.responseUrl();
    await beta().click(acmeIncident, 'role.take', BEN, { value: 'commander', responseUrl });
    expect(await beta().toldAt(responseUrl)).toBe(UNKNOWN_CONTROL);
    // A workspace that never installed the app: Bolt finds no installation and refuses.
    const never = await sendSlashCommand(t.target, { text: 'status', userId: BEN, teamId: NEVER });
    expectRefusedByBolt(never);
    const byBen = await t.db
      .selectFrom('incident_events')
      .select('type')
      .where('incident_id', '=', acmeIncident.id)
      .where('actor', '=', BEN)
      .execute();
    expect(byBen).toEqual([]);
  });

  it('reviews each workspace’s follow-ups on their own, with that workspace’s token', async () => {
    const followUp = (id: string, title: string, owner: string) =>
      ([1, 2, 3] as const).map((rank) => ({
        id: `${id}${rank}`,
        title: `${title} ${rank}`,
        owner,
        due: '2099-01-10',
        rank,
        control: rank === 1,
      }));
    await recordClosedIncident(t, {
      teamId: ACME,
      commander: ANA,
      title: 'Acme old outage',
      followUps: followUp('a', 'Acme alerting', ANA),
    });
    await recordClosedIncident(t, {
      teamId: BETA,
      commander: BEN,
      title: 'Beta old outage',
      followUps: followUp('b', 'Beta alerting', BEN),
    });
    const isReview = (call: { args: Record<string, unknown> }) =>
      call.args.channel === REVIEWS && String(call.args.text).startsWith('Weekly follow-up review');
    await queue.add(WEEKLY_REVIEW_JOB, {});
    await slack.waitForCalls('chat.postMessage', 1);
    await expect
      .poll(() => slack.callsTo('chat.postMessage').filter(isReview).length, { timeout: 10_000 })
      .toBe(2);
    const reviews = slack.callsTo('chat.postMessage').filter(isReview);
    const byTeam = new Map(reviews.map((call) => [call.teamId, JSON.stringify(call.args.blocks)]));
    expect([...byTeam.keys()].sort()).toEqual([ACME, BETA]);
    expect(byTeam.get(ACME)).toContain('Acme alerting');
    expect(byTeam.get(ACME)).not.toContain('Beta alerting');
    expect(byTeam.get(BETA)).toContain('Beta alerting');
    expect(byTeam.get(BETA)).not.toContain('Acme alerting');
  });

  it('forgets a workspace that uninstalls: installation deleted, effects given up, timers do nothing', async () => {
    // An effect of Beta's still waiting out a backoff when the uninstall comes.
    await t.db
      .insertInto('outbox')
      .values({
        team_id: BETA,
        incident_id: betaIncident.id,
        kind: 'header.render',
        payload: JSON.stringify({ kind: 'header.render' }),
        next_attempt_at: new Date(Date.now() + 3_600_000),
      })
      .execute();
    slack.oauth.revoke(BETA);
    const gone = await sendEvent(t.target, appUninstalledEnvelope({ eventId: 'Ev0BETAGONE', teamId: BETA }));
    expect(gone.status).toBe(200);

    const installed = await t.db.selectFrom('slack_installations').select('team_id').execute();
    expect(installed).toEqual([{ team_id: ACME }]);
    const unfinished = await t.db
      .selectFrom('outbox')
      .select(['failure'])
      .where('team_id', '=', BETA)
      .where('failed_at', 'is not', null)
      .execute();
    expect(unfinished.map((row) => row.failure)).toContainEqual(expect.stringMatching(/^app_uninstalled: /));
    expect(
      await t.db
        .selectFrom('outbox')
        .select('id')
        .where('team_id', '=', BETA)
        .where('done_at', 'is', null)
        .execute(),
    ).toEqual([]);

    // Beta's escalation timer, brought forward: it fires, says why it does nothing, and does nothing.
    const escalation = (await pendingTimers(queue)).find(
      (job) =>
        (job.data as { incidentId?: string }).incidentId === betaIncident.id &&
        job.data.key === 'escalation-senior',
    );
    if (!escalation) throw new Error('Beta’s incident has no escalation timer');
    await escalation.promote();
    await expect
      .poll(
        () =>
          log.lines.some(
            (line) =>
              line.msg === 'timer of a workspace the app was removed from: doing nothing' &&
              (line.job as { incidentId?: string } | undefined)?.incidentId === betaIncident.id,
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await beta().events(betaIncident.id, 'IncidentEscalated')).toEqual([]);

    // Beta's people are refused from now on; Acme's keep working.
    const refused = await sendSlashCommand(t.target, { text: 'status', userId: BEN, teamId: BETA });
    expectRefusedByBolt(refused);
    const acmeStatus = await slashAnswer(t.target, {
      text: 'status',
      userId: ANA,
      teamId: ACME,
      channelId: acmeIncident.channel,
    });
    expect(acmeStatus).toContain(ACME_TITLE);
  });

  it('keeps a workspace whose people’s tokens were revoked, and forgets one whose bot token was', async () => {
    const peopleOnly = tokensRevokedEnvelope({ eventId: 'Ev0ACMEUSERS', teamId: ACME, oauth: [ANA] });
    expect((await sendEvent(t.target, peopleOnly)).status).toBe(200);
    expect(await t.db.selectFrom('slack_installations').select('team_id').execute()).toEqual([
      { team_id: ACME },
    ]);
    slack.oauth.revoke(ACME);
    const bot = tokensRevokedEnvelope({ eventId: 'Ev0ACMEBOT', teamId: ACME, bot: [BOT_USER_ID] });
    expect((await sendEvent(t.target, bot)).status).toBe(200);
    expect(await t.db.selectFrom('slack_installations').select('team_id').execute()).toEqual([]);
  });

  it('never logs a workspace’s token or the app’s secrets', () => {
    const written = log.raw.join('');
    expect(written.length).toBeGreaterThan(0);
    expect(written).not.toMatch(/xoxb-stand-in-[a-z0-9]/i);
    expect(written).not.toContain(OAUTH_APP.clientSecret);
    expect(written).not.toContain(OAUTH_APP.stateSecret);
  });
});
