import { beforeEach, describe, expect, it } from 'vitest';
import { TEAM, useBot } from '../support/incident-driver.js';
import { appHomeOpenedEnvelope } from '../support/slack-payloads.js';
import { sendEvent, sendSlashCommand } from '../support/slack-requests.js';

const REPORTER = 'U0REPORTER';

describe('opening an incident from Slack (walking skeleton)', () => {
  const { t, drive } = useBot();
  beforeEach(async () => {
    // Each test starts from a quiet bot: whatever the last one set in motion has reached Slack.
    await t.outboxSettled();
    t.slack.clearCalls();
    t.slack.resetFaults();
  });

  async function open(title: string, userId = REPORTER, teamId = TEAM) {
    const responseUrl = t.slack.responseUrl();
    const response = await sendSlashCommand(t.target, { text: `open ${title}`, userId, teamId, responseUrl });
    return { response, responseUrl };
  }

  async function incidentRow(number: number, teamId = TEAM) {
    return t.db
      .selectFrom('incidents')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
  }

  async function eventsOf(incidentId: string) {
    return t.db
      .selectFrom('incident_events')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('seq')
      .execute();
  }

  /** Where an incident's header is, from its row. */
  const headerOf = (row: { id: string; channel_id: string | null; header_ts: string | null }) => ({
    id: row.id,
    channel: row.channel_id ?? '',
    headerTs: row.header_ts ?? '',
  });

  /** How many rows a table holds. */
  const rowsIn = async (table: 'incidents' | 'incident_events') =>
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('acks at once, then creates the channel, invites the reporter, posts and pins the header, and records IncidentOpened', async () => {
    const { response } = await open('Checkout errors spiking');
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3000);

    const create = await t.slack.waitForCall('conversations.create');
    expect(create.args).toMatchObject({ name: 'inc-1-checkout-errors-spiking', is_private: 'false' });
    const channel = (create.response.channel as { id: string }).id;

    const invite = await t.slack.waitForCall('conversations.invite');
    expect(invite.args).toMatchObject({ channel, users: REPORTER });

    const post = await t.slack.waitForCall('chat.postMessage', (call) => call.args.channel === channel);
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain('Checkout errors spiking');
    expect(blocks).toContain('Pending triage');
    expect(blocks).toContain('Investigating');
    for (const role of ['commander', 'communicator', 'scribe']) {
      expect(blocks).toContain(`"action_id":"role.take"`);
      expect(blocks).toContain(`"value":"${role}"`);
    }
    const pin = await t.slack.waitForCall('pins.add');
    expect(pin.args).toMatchObject({ channel, timestamp: post.response.ts });

    const confirm = await t.slack.waitForCall('response_url');
    expect(JSON.stringify(confirm.args)).toContain(`<#${channel}>`);

    const row = await incidentRow(1);
    expect(row).toMatchObject({
      status: 'investigating',
      severity: 'pending',
      title: 'Checkout errors spiking',
      channel_id: channel,
      header_ts: post.response.ts,
    });
    const events = await eventsOf(row.id);
    expect(events.map((e) => e.type)).toEqual(['IncidentOpened']);
    expect(events[0]).toMatchObject({ seq: 1, actor: REPORTER, team_id: TEAM });
    expect(events[0]?.payload).toMatchObject({
      type: 'IncidentOpened',
      number: 1,
      reporter: REPORTER,
      severity: 'pending',
    });
  });

  it('records the role on "take commander" and updates the header in place', async () => {
    const row = await incidentRow(1);
    const response = await drive.click(headerOf(row), 'role.take', 'U0DANA', 'commander');
    expect(response.status).toBe(200);

    const update = await t.slack.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel: row.channel_id, ts: row.header_ts });
    expect(JSON.stringify(update.args.blocks)).toContain('<@U0DANA>');
    // One line in the channel says so; the header itself is updated, not posted again.
    await t.outboxSettled();
    const posted = t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === row.channel_id);
    expect(posted.map((c) => String(c.args.text))).toEqual(['INC-1: <@U0DANA> took the commander role.']);

    const events = await eventsOf(row.id);
    expect(events.map((e) => e.type)).toEqual(['IncidentOpened', 'RoleAssigned']);
    expect(events[1]?.payload).toMatchObject({
      role: 'commander',
      userId: 'U0DANA',
      previous: null,
      via: 'took',
    });
  });

  it('gives a role to exactly one of two people who click at the same moment, and tells the other', async () => {
    const row = await incidentRow(1);
    const click = (userId: string) =>
      drive.click(headerOf(row), 'role.take', userId, {
        value: 'scribe',
        responseUrl: t.slack.responseUrl(userId),
      });
    const responses = await Promise.all([click('U0ALEX'), click('U0BLAKE')]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);

    const told = await t.slack.waitForCall('response_url', (call) =>
      String(call.args.text).includes('already scribe'),
    );
    const events = (await eventsOf(row.id)).filter(
      (e) => e.type === 'RoleAssigned' && (e.payload as { role: string }).role === 'scribe',
    );
    expect(events).toHaveLength(1);
    const winner = (events[0]?.payload as { userId: string } | undefined)?.userId;
    expect(['U0ALEX', 'U0BLAKE']).toContain(winner);
    expect(String(told.args.text)).toContain(`<@${winner}>`);
  });

  it('numbers incidents per Slack team, and picks another channel name when the first is taken', async () => {
    t.slack.addChannel({ name: 'inc-2-payments-down' });
    await open('Payments down');
    const created = await t.slack.waitForCall('conversations.create', (call) => call.response.ok === true);
    expect(created.args.name).toBe('inc-2-payments-down-2');
    await t.outboxSettled();
    expect((await incidentRow(2)).channel_name).toBe('inc-2-payments-down-2');

    await open('Other workspace', 'U0OTHER', 'T0002');
    await expect.poll(async () => (await incidentRow(1, 'T0002')).channel_name).toBe('inc-1-other-workspace');
  });

  it('answers help, and answers an unknown subcommand with help rather than silence', async () => {
    const help = await sendSlashCommand(t.target, { text: 'help' });
    expect(help.status).toBe(200);
    expect(help.body).toContain('open &lt;title&gt;');
    const unknown = await sendSlashCommand(t.target, { text: 'frobnicate now' });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toContain('frobnicate');
    expect(unknown.body).toContain('open &lt;title&gt;');
    // Words that name what every object has are unknown words too, not code to run.
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const answer = await sendSlashCommand(t.target, { text: word });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(`I don't know`);
    }
  });

  it('opens the triage modal when there is no title, and opens nothing yet', async () => {
    const before = await rowsIn('incidents');
    const response = await sendSlashCommand(t.target, { text: 'open', triggerId: '123.456.abc' });
    expect(response.status).toBe(200);
    const modal = await t.slack.waitForCall('views.open');
    expect(modal.args).toMatchObject({ trigger_id: '123.456.abc', view: { callback_id: 'incident.open' } });
    expect(await rowsIn('incidents')).toBe(before);
  });

  it('refuses a badly signed request with 401 and changes nothing', async () => {
    const before = await rowsIn('incident_events');
    const response = await sendSlashCommand(
      t.target,
      { text: 'open Forged incident' },
      { badSignature: true },
    );
    expect(response.status).toBe(401);
    const stale = await sendSlashCommand(
      t.target,
      { text: 'open Replayed incident' },
      { timestamp: Math.floor(Date.now() / 1000) - 600 },
    );
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300)); // give a wrongly accepted request time to show
    expect(t.slack.calls).toHaveLength(0);
    expect(await rowsIn('incident_events')).toBe(before);
  });

  it('processes an Events API delivery once when Slack retries it with the same event_id', async () => {
    const envelope = appHomeOpenedEnvelope({ eventId: 'Ev0RETRIED1', userId: REPORTER, teamId: TEAM });
    const first = await sendEvent(t.target, envelope);
    expect(first.status).toBe(200);
    await t.slack.waitForCall('views.publish');
    const retry = await sendEvent(t.target, envelope, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    const other = await sendEvent(
      t.target,
      appHomeOpenedEnvelope({ eventId: 'Ev0FRESH2', userId: 'U0MARKER', teamId: TEAM }),
    );
    expect(other.status).toBe(200);
    await t.slack.waitForCall('views.publish', (call) => call.args.user_id === 'U0MARKER');
    expect(t.slack.callsTo('views.publish').filter((call) => call.args.user_id === REPORTER)).toHaveLength(1);
    const stored = await t.db
      .selectFrom('processed_slack_events')
      .selectAll()
      .where('event_id', '=', 'Ev0RETRIED1')
      .execute();
    expect(stored).toHaveLength(1);
  });
});
