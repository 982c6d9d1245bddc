import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_CONTROL } from '../../src/adapters/slack/listeners/kit/block-action.js';
import { NOT_YOURS } from '../../src/app/commands/bind-origin.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { recordClosedIncident } from '../support/closed-incident.js';
import { commandCoreOn, openCommand, openThrough } from '../support/command-core.js';
import { type DrivenIncident, incidentDriver, TEAM } from '../support/incident-driver.js';
import { blockActionPayload, viewSubmissionPayload } from '../support/slack-payloads.js';
import { sendInteraction } from '../support/slack-requests.js';
import { type Tagged, taggedRequests } from './support/tagged-requests.js';

const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
/** The forger: a member of this workspace who never worked the private incidents. */
const OMAR = 'U0OMAR';
const OTHER_TEAM = 'T0OTHER';
const POSTMORTEMS = 'C0POSTMORTEMS';
const GENERAL = 'C0GENERAL';
const HOSTILE_TITLE = '<!channel> rotate *every* key';

const followUps = (prefix: string, owner: string, title = 'Alert on it') =>
  ([1, 2, 3] as const).map((rank) => ({
    id: `${prefix}${rank}`,
    title: rank === 1 ? title : `${title} ${rank}`,
    owner,
    due: '2099-01-10',
    rank,
    control: rank === 1,
  }));

/**
 * Signed requests (Slack's signature is good) whose ids were tampered with: a modal's
 * `private_metadata`, a button's value, or the channel a control claims to sit in names another
 * workspace's incident, a private incident the person is not in, or an incident other than the
 * channel's. Each is refused with an answer, records nothing and opens no form; the same request
 * untampered works, so the refusals are the binding's and not a broken set-up.
 */
describe('forged ids in signed requests', () => {
  let t: BotUnderTest;
  let drive: ReturnType<typeof incidentDriver>;
  let as: (user: string) => Tagged;
  let publicOne: DrivenIncident;
  let secret: DrivenIncident;
  /** Another workspace's: one open, one resolved with Omar as its commander, one closed with his follow-ups. */
  let otherOpen = '';
  let otherResolved = '';
  let otherClosed = '';
  let privateResolved = '';
  let privateClosed = '';
  let publicResolved = '';
  let publicClosed = '';

  beforeAll(async () => {
    t = await startBotUnderTest({ env: { POSTMORTEM_CHANNEL: POSTMORTEMS, DIAGNOSIS_HOLD: 'PT0S' } });
    for (const [id, name] of [
      [POSTMORTEMS, 'postmortems'],
      [GENERAL, 'general'],
    ] as const)
      t.slack.addChannel({ id, name, members: [DANA, ALEX, OMAR] });
    drive = incidentDriver(t);
    as = taggedRequests(t.slack);
    publicOne = await drive.open('Public checkout errors', DANA);
    await drive.click(publicOne, 'role.take', DANA, 'commander');
    secret = await drive.openFromForm('Leaked deploy key', DANA, { service: 'ci', flags: ['private'] });
    otherOpen = (await openThrough(commandCoreOn(t.db), OTHER_TEAM, openCommand('Elsewhere outage'))).id;
    const closed = (
      title: string,
      options: { teamId?: string; commander?: string; private?: boolean; until?: 'resolved' },
      owned: ReturnType<typeof followUps>,
    ) =>
      recordClosedIncident(t, {
        teamId: options.teamId ?? TEAM,
        commander: options.commander ?? DANA,
        title,
        followUps: owned,
        ...(options.private ? { private: true } : {}),
        ...(options.until ? { until: options.until } : {}),
      });
    otherResolved = await closed(
      'Elsewhere resolved',
      { teamId: OTHER_TEAM, commander: OMAR, until: 'resolved' },
      [],
    );
    otherClosed = await closed('Elsewhere closed', { teamId: OTHER_TEAM }, followUps('o', OMAR));
    privateResolved = await closed('Private resolved', { private: true, until: 'resolved' }, []);
    privateClosed = await closed('Private closed', { private: true }, followUps('s', ALEX));
    publicResolved = await closed('Public resolved', { commander: OMAR, until: 'resolved' }, []);
    publicClosed = await closed('Public closed', {}, followUps('p', OMAR, HOSTILE_TITLE));
    await t.outboxSettled();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const eventCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('incident_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Whatever a request did: the answer it got, and how many events and forms it led to. */
  async function outcomeOf(request: () => Promise<string>) {
    const events = await eventCount();
    const forms = t.slack.callsTo('views.open').length;
    const answer = await request();
    await t.outboxSettled();
    return {
      answer,
      events: (await eventCount()) - events,
      forms: t.slack.callsTo('views.open').length - forms,
    };
  }

  /** A button or menu, as Slack would deliver it from `channel`, and the private answer it got. */
  const click = (input: {
    actionId: string;
    user: string;
    channel: string;
    value?: string;
    ts?: string;
    team?: string;
  }) =>
    outcomeOf(async () => {
      const tag = as(input.user);
      await sendInteraction(
        t.target,
        blockActionPayload({
          actionId: input.actionId,
          userId: input.user,
          channelId: input.channel,
          messageTs: input.ts ?? '1700000000.000100',
          teamId: input.team ?? TEAM,
          ...(input.value === undefined ? {} : { value: input.value }),
          ...tag,
        }),
      );
      // The answer, or the form opened instead of one.
      const path = new URL(tag.responseUrl).pathname;
      const answered = () => t.slack.callsTo('response_url').find((c) => c.path === path);
      const opened = () => t.slack.callsTo('views.open').some((c) => c.args.trigger_id === tag.triggerId);
      await expect.poll(() => Boolean(answered()) || opened()).toBe(true);
      return answered()?.args.text === undefined ? '(a form opened)' : String(answered()?.args.text);
    });

  /** A modal's submission whose metadata names `incidentId`, and the error it was answered with. */
  const submit = (
    callbackId: string,
    user: string,
    incidentId: string,
    values: Record<string, Record<string, unknown>>,
  ) =>
    outcomeOf(async () => {
      const response = await sendInteraction(
        t.target,
        viewSubmissionPayload({
          callbackId,
          userId: user,
          teamId: TEAM,
          privateMetadata: JSON.stringify({ incidentId }),
          values,
        }),
      );
      return response.body ? JSON.stringify(JSON.parse(response.body)) : '';
    });

  const refused = (answer: string) => ({ answer: expect.stringContaining(answer), events: 0, forms: 0 });
  const decision = {
    what: { text: { value: 'Roll back' } },
    why: { text: { value: 'Fastest' } },
    change: { text: { value: 'Data loss' } },
  };
  const hypothesis = { text: { text: { value: 'The CI cache kept the key' } } };

  it('refuses a modal whose metadata names another workspace’s incident or a private one the person is not in', async () => {
    for (const incidentId of [otherOpen, secret.id]) {
      expect(await submit('decision.record', OMAR, incidentId, decision)).toEqual(refused(NOT_YOURS.message));
      expect(await submit('hypothesis.add', OMAR, incidentId, hypothesis)).toEqual(
        refused(NOT_YOURS.message),
      );
    }
    // Untampered, from someone working it, the same form records.
    expect(await submit('decision.record', DANA, secret.id, decision)).toEqual({
      answer: '',
      events: 1,
      forms: 0,
    });
  });

  it('refuses a follow-up’s done button naming another workspace’s, a private or another channel’s incident', async () => {
    const done = (value: string, user: string, channel: string) =>
      click({ actionId: 'followup.done', user, channel, value });
    // Omar owns this one, but in another workspace.
    expect(await done(`${otherClosed}|o1`, OMAR, POSTMORTEMS)).toEqual(refused(UNKNOWN_CONTROL));
    expect(await done(`${privateClosed}|s1`, OMAR, POSTMORTEMS)).toEqual(refused(UNKNOWN_CONTROL));
    expect(await done(`${privateClosed}|s1`, OMAR, t.slack.workspace.imWith(OMAR).id)).toEqual(
      refused(UNKNOWN_CONTROL),
    );
    // His own follow-up, but the button claims to sit in another incident's channel.
    expect(await done(`${publicClosed}|p1`, OMAR, secret.channel)).toEqual(refused(UNKNOWN_CONTROL));
    expect(await done(`${publicClosed}|p1`, OMAR, publicOne.channel)).toEqual(refused(UNKNOWN_CONTROL));
    // From where the bot put it, it works, and the answer quotes the title escaped.
    expect(await done(`${publicClosed}|p1`, OMAR, POSTMORTEMS)).toEqual({
      answer: 'Marked done: &lt;!channel&gt; rotate *every* key. Thank you.',
      events: 1,
      forms: 0,
    });
  });

  it('refuses the postmortem button naming another workspace’s, a private or another channel’s incident', async () => {
    const record = (value: string, channel: string) =>
      click({ actionId: 'postmortem.record', user: OMAR, channel, value });
    // Omar is the commander of the other workspace's incident; it makes no difference here.
    expect(await record(otherResolved, POSTMORTEMS)).toEqual(refused(UNKNOWN_CONTROL));
    expect(await record(privateResolved, POSTMORTEMS)).toEqual(refused(UNKNOWN_CONTROL));
    expect(await record(publicResolved, publicOne.channel)).toEqual(refused(UNKNOWN_CONTROL));
    // His own incident's button, where the bot posted it, opens the form.
    expect(await record(publicResolved, POSTMORTEMS)).toEqual({
      answer: '(a form opened)',
      events: 0,
      forms: 1,
    });
  });

  it('refuses a header control sent from another channel or another workspace', async () => {
    const take = (channel: string, team = TEAM) =>
      click({ actionId: 'role.take', user: OMAR, channel, value: 'commander', ts: secret.headerTs, team });
    expect(await take(GENERAL)).toEqual(refused(UNKNOWN_CONTROL));
    expect(await take(POSTMORTEMS)).toEqual(refused(UNKNOWN_CONTROL));
    expect(await take(secret.channel, OTHER_TEAM)).toEqual(refused(UNKNOWN_CONTROL));
    expect(
      await click({ actionId: 'incident.resolve', user: OMAR, channel: GENERAL, ts: publicOne.headerTs }),
    ).toEqual(refused(UNKNOWN_CONTROL));
    // In the incident's own channel, the same click is the channel's to decide: Dana is commander there.
    expect(await take(publicOne.channel)).toEqual({
      answer: expect.stringContaining('<@U0DANA>'),
      events: 0,
      forms: 0,
    });
  });
});
