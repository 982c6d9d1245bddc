import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TIMERS_QUEUE } from '../../src/adapters/bullmq/timer-job.js';
import { WEEKLY_REVIEW_JOB } from '../../src/adapters/bullmq/timer-queue.js';
import type { ClosedIncident } from '../../src/domain/index.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { type DrivenIncident, incidentDriver, TEAM } from '../support/incident-driver.js';
import { appHomeOpenedEnvelope } from '../support/slack-payloads.js';
import { sendEvent, sendSlashCommand, slashAnswer } from '../support/slack-requests.js';
import type { RecordedCall } from '../support/slack-stand-in/index.js';
import { audienceOf, type Tagged, taggedRequests } from './support/tagged-requests.js';

const DANA = 'U0DANA'; // reporter, commander
const ALEX = 'U0ALEX'; // communicator
const SAM = 'U0SAM'; // scribe
const PRIYA = 'U0PRIYA'; // owns an action, nothing else
const KIM = 'U0KIM'; // owns a follow-up, nothing else
const OMAR = 'U0OMAR'; // never worked it
const ANNOUNCE = 'C0ANNOUNCE';
const STAKEHOLDERS = 'C0STAKEHOLDERS';
const POSTMORTEMS = 'C0POSTMORTEMS';
const GENERAL = 'C0GENERAL';

/**
 * Every word of the incident carries this marker, so a leak of any of them, whole, cut or
 * escaped, shows up wherever the bot put it.
 */
const MARKER = /qx7/i;
const WORDS = {
  title: 'Qx7title signing key leaked',
  service: 'qx7service',
  hypothesis: 'Qx7hypothesis the CI cache kept the key',
  action: 'Qx7action rotate the deploy keys',
  note: 'Qx7note the key was seen in a public gist',
  decision: 'Qx7decision revoke every deploy token',
  update: 'Qx7update we are rotating credentials; no misuse seen yet',
  summary: 'Qx7summary every key rotated',
  followUps: [
    'Qx7follow-alpha secret scanning in CI',
    'Qx7follow-beta short-lived deploy keys',
    'Qx7follow-gamma a vault for CI secrets',
  ],
};

/**
 * A private incident through its whole life, with people outside it looking in at every turn;
 * then every Web API call the bot made and every file it uploaded is read: the incident's words
 * reach its own channel, and its participants' direct messages and views, and nowhere else.
 */
describe('a private incident, from the triage form to the weekly review', () => {
  let t: BotUnderTest;
  let queue: Queue;
  let drive: ReturnType<typeof incidentDriver>;
  let as: (user: string) => Tagged;
  let incident: DrivenIncident;
  /** What people outside it were told, from the acks of their commands. */
  const toldOutsiders: string[] = [];

  beforeAll(async () => {
    t = await startBotUnderTest({
      // A Tuesday morning: nothing waits for working hours.
      clockStartsAt: '2026-06-16T10:00:00+02:00',
      env: {
        ANNOUNCE_CHANNEL: ANNOUNCE,
        STAKEHOLDER_CHANNEL: STAKEHOLDERS,
        POSTMORTEM_CHANNEL: POSTMORTEMS,
        DIAGNOSIS_HOLD: 'PT0S',
      },
    });
    for (const [id, name] of [
      [ANNOUNCE, 'incidents'],
      [STAKEHOLDERS, 'status'],
      [POSTMORTEMS, 'postmortems'],
      [GENERAL, 'general'],
    ] as const)
      t.slack.addChannel({ id, name, members: [DANA, ALEX, SAM, PRIYA, KIM, OMAR] });
    queue = new Queue(TIMERS_QUEUE, { connection: { url: inject('redisUrl') }, prefix: t.queuePrefix });
    drive = incidentDriver(t);
    as = taggedRequests(t.slack);
  });
  afterAll(async () => {
    await queue?.close();
    await t?.stop();
  });

  const slash = (text: string, user: string, channelId = incident.channel) =>
    slashAnswer(t.target, { text, userId: user, teamId: TEAM, channelId, ...as(user) });
  const click = (actionId: string, user: string, options: { value?: string; selectedUser?: string } = {}) =>
    drive.clickOn({ channel: incident.channel, ts: incident.headerTs }, actionId, user, {
      ...options,
      ...as(user),
    });
  /** Runs a subcommand that opens a form, and submits the form. */
  async function viaForm(text: string, user: string, values: Record<string, Record<string, unknown>>) {
    const opens = t.slack.callsTo('views.open').length;
    await sendSlashCommand(t.target, {
      text,
      userId: user,
      teamId: TEAM,
      channelId: incident.channel,
      ...as(user),
    });
    return drive.submitModal(opens, user, values);
  }
  const homeOf = async (user: string) => {
    const published = t.slack.callsTo('views.publish').length;
    await sendEvent(
      t.target,
      appHomeOpenedEnvelope({ eventId: `Ev${user}${published}`, userId: user, teamId: TEAM }),
    );
    await t.slack.waitForCalls('views.publish', published + 1);
    return JSON.stringify(
      t.slack
        .callsTo('views.publish')
        .filter((c) => c.args.user_id === user)
        .at(-1)?.args,
    );
  };
  /** Someone who never worked it looks: App Home, the figures, status and help from elsewhere. */
  async function outsiderLooks(participant: string) {
    expect(await homeOf(OMAR)).not.toMatch(MARKER);
    expect(await homeOf(participant)).toMatch(MARKER);
    const stats = await slash('stats', OMAR, GENERAL);
    expect(stats).toContain('*Last 30 days*: 1 incident');
    for (const text of ['stats', 'status', 'help', 'hypothesis DNS'])
      toldOutsiders.push(text === 'stats' ? stats : await slash(text, OMAR, GENERAL));
    await t.outboxSettled();
  }

  it('is worked, resolved and reviewed with its words kept to its channel and its people', async () => {
    incident = await drive.openFromForm(WORDS.title, DANA, { service: WORDS.service, flags: ['private'] });
    await click('role.take', DANA, { value: 'commander' });
    await click('role.assign.communicator', DANA, { selectedUser: ALEX });
    await click('role.assign.scribe', DANA, { selectedUser: SAM });
    expect(await slash(`hypothesis ${WORDS.hypothesis}`, ALEX)).toContain('Hypothesis added');
    expect(await slash(`action ${WORDS.action} <@${PRIYA}>`, DANA)).toContain('Action started');
    expect(await slash(`note ${WORDS.note}`, SAM)).toContain('Noted');
    expect(
      await viaForm('decision', DANA, {
        what: { text: { value: WORDS.decision } },
        why: { text: { value: 'Qx7why the key may have been copied' } },
        change: { text: { value: 'Qx7change proof the gist was never fetched' } },
      }),
    ).toEqual({});
    expect(
      await viaForm('update', ALEX, {
        text: { text: { value: WORDS.update } },
        next: { choice: { type: 'static_select', selected_option: { value: '30' } } },
      }),
    ).toEqual({});
    await t.outboxSettled();
    // A participant outside the channel sees it listed; the outsider does not (below, and at the end).
    expect(await slash('status', ALEX, GENERAL)).toMatch(MARKER);
    await outsiderLooks(ALEX);

    const opens = t.slack.callsTo('views.open').length;
    await click('incident.resolve', DANA);
    expect(await drive.submitModal(opens, DANA, { summary: { text: { value: WORDS.summary } } })).toEqual({});
    await t.outboxSettled();
    const slot = (rank: number, owner: string) => ({
      [`followup${rank}.title`]: { text: { value: WORDS.followUps[rank - 1] } },
      [`followup${rank}.owner`]: { user: { type: 'users_select', selected_user: owner } },
      [`followup${rank}.due`]: { date: { type: 'datepicker', selected_date: '2099-01-10' } },
    });
    expect(
      await viaForm('postmortem', DANA, {
        'answer.whatHappened': { text: { value: 'Qx7what a deploy key was committed' } },
        'answer.whyNotDetectedSooner': { text: { value: 'Qx7detect no secret scanning' } },
        'answer.whyResponseTookSoLong': { text: { value: 'Qx7slow it did not' } },
        'answer.whatWeChange': { text: { value: 'Qx7change scanning and short-lived keys' } },
        ...slot(1, ALEX),
        ...slot(2, KIM),
        ...slot(3, PRIYA),
      }),
    ).toEqual({});
    expect(await drive.events(incident.id, 'PostmortemRecorded')).toHaveLength(1);

    const review = await queue.add(WEEKLY_REVIEW_JOB, {});
    await expect.poll(() => review.getState()).toBe('completed');
    await t.outboxSettled();
    await outsiderLooks(KIM);

    // What the incident's people were sent, so the scan below is not vacuous.
    const reviews = t.slack
      .callsTo('chat.postMessage')
      .filter((c) => String(c.args.text).startsWith('Weekly follow-up review'));
    expect(reviews.filter((c) => c.args.channel === POSTMORTEMS)).toHaveLength(1);
    for (const [owner, title] of [
      [ALEX, WORDS.followUps[0]],
      [KIM, WORDS.followUps[1]],
      [PRIYA, WORDS.followUps[2]],
    ] as const) {
      const dm = reviews.find((c) => c.args.channel === t.slack.workspace.imWith(owner).id);
      expect(JSON.stringify(dm?.args.blocks)).toContain(title);
    }
    const file = [...t.slack.workspace.files.values()].find((f) => MARKER.test(f.content));
    expect(file?.channel).toBe(incident.channel);
  });

  it('left its words nowhere else: no call the bot made, no file it uploaded, no answer to an outsider', async () => {
    const row = await t.db
      .selectFrom('incidents')
      .select('snapshot')
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow();
    const state = row.snapshot as ClosedIncident;
    const participants = new Set([
      state.reporter,
      ...Object.values(state.roles).flatMap((holder) => (holder ? [holder] : [])),
      ...state.participants,
      ...state.actions.map((a) => a.owner),
      ...state.followUps.map((f) => f.owner),
    ]);
    expect([...participants].sort()).toEqual([ALEX, DANA, KIM, PRIYA, SAM].sort());

    const audience = audienceOf(t.slack);
    const mayRead = (call: RecordedCall): boolean => {
      const { channel, users } = audience(call);
      if (channel === incident.channel) return true;
      return users.length > 0 && users.every((user) => participants.has(user));
    };
    const carrying = t.slack.calls.filter((call) => MARKER.test(JSON.stringify(call.args)));
    const leaks = carrying
      .filter((call) => !mayRead(call))
      .map((call) => ({
        method: call.method,
        to: audience(call),
        args: JSON.stringify(call.args).slice(0, 300),
      }));
    expect(leaks).toEqual([]);
    // The incident's words did go out: to its channel, and to its people directly. (Header
    // updates coalesce, so how many there are depends on timing; well over a dozen calls either way.)
    expect(carrying.length).toBeGreaterThan(15);
    const methods = new Set(carrying.map((c) => c.method));
    for (const method of ['chat.postMessage', 'chat.update', 'views.open', 'views.publish'])
      expect(methods).toContain(method);
    expect(carrying.some((c) => c.args.channel !== incident.channel && c.method === 'chat.postMessage')).toBe(
      true,
    );

    for (const file of t.slack.workspace.files.values())
      if (MARKER.test(file.content) || MARKER.test(file.title)) expect(file.channel).toBe(incident.channel);
    expect(toldOutsiders).toHaveLength(8);
    for (const answer of toldOutsiders) expect(answer).not.toMatch(MARKER);
    expect(t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ANNOUNCE)).toEqual([]);
  });
});
