import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { incidentDriver } from '../support/incident-driver.js';
import { blockActionPayload } from '../support/slack-payloads.js';
import { sendInteraction, sendSlashCommand } from '../support/slack-requests.js';

const TEAM = 'T0001';
const DANA = 'U0DANA';

describe('status and severity from the header', () => {
  let t: BotUnderTest;
  let channel = '';
  let headerTs = '';
  let incidentId = '';

  beforeAll(async () => {
    t = await startBotUnderTest();
    await sendSlashCommand(t.target, {
      text: 'open Uploads failing',
      userId: DANA,
      teamId: TEAM,
      responseUrl: t.slack.responseUrl(),
    });
    await t.slack.waitForCall('pins.add');
    await t.outboxSettled();
    const row = await t.db
      .selectFrom('incidents')
      .select(['id', 'channel_id', 'header_ts'])
      .executeTakeFirstOrThrow();
    [channel, headerTs, incidentId] = [row.channel_id ?? '', row.header_ts ?? '', row.id];
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function choose(actionId: string, value: string | undefined, userId = DANA) {
    const responseUrl = t.slack.responseUrl();
    const opens = t.slack.callsTo('views.open').length;
    await sendInteraction(
      t.target,
      blockActionPayload({
        actionId,
        userId,
        channelId: channel,
        messageTs: headerTs,
        teamId: TEAM,
        responseUrl,
        ...(value ? { selectedOption: value } : {}),
      }),
    );
    return { responseUrl, opens };
  }

  const submitOpened = (opens: number, values: Record<string, Record<string, unknown>>) =>
    incidentDriver(t).submitModal(opens, DANA, values);

  const row = () =>
    t.db
      .selectFrom('incidents')
      .select(['status', 'severity'])
      .where('id', '=', incidentId)
      .executeTakeFirstOrThrow();

  it('offers "Classify severity" while pending, and classifies from the triage answers', async () => {
    expect(JSON.stringify(t.slack.workspace.message(channel, headerTs)?.blocks)).toContain(
      'Classify severity',
    );
    const { opens } = await choose('severity.classify', undefined);
    const answer = (value: string) => ({ answer: { type: 'static_select', selected_option: { value } } });
    expect(
      await submitOpened(opens, {
        'triage.customerImpact': answer('some'),
        'triage.criticalPathDown': answer('yes'),
        'triage.dataAtRisk': answer('no'),
        'triage.workaroundExists': answer('no'),
      }),
    ).toEqual({});
    expect((await row()).severity).toBe('SEV2');
  });

  it('changes the severity with a reason, from the picker', async () => {
    const { opens } = await choose('severity.set', 'SEV1');
    expect(await submitOpened(opens, { text: { text: { value: '' } } })).toMatchObject({
      response_action: 'errors',
    });
    const again = await choose('severity.set', 'SEV1');
    expect(await submitOpened(again.opens, { text: { text: { value: 'Every region now' } } })).toEqual({});
    expect((await row()).severity).toBe('SEV1');
    const changed = await t.db
      .selectFrom('incident_events')
      .select('payload')
      .where('incident_id', '=', incidentId)
      .where('type', '=', 'SeverityChanged')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(changed.payload).toMatchObject({ from: 'SEV2', to: 'SEV1', reason: 'Every region now' });
  });

  it('moves the status from the picker', async () => {
    await choose('status.set', 'identified');
    await expect.poll(async () => (await row()).status).toBe('identified');
    await t.outboxSettled();
    expect(JSON.stringify(t.slack.workspace.message(channel, headerTs)?.blocks)).toContain(
      '*Status*\\nIdentified',
    );
  });

  it('resolves through the modal with a summary, by the commander only', async () => {
    await sendInteraction(
      t.target,
      blockActionPayload({
        actionId: 'role.take',
        value: 'commander',
        userId: DANA,
        channelId: channel,
        messageTs: headerTs,
        teamId: TEAM,
      }),
    );
    await expect
      .poll(
        async () =>
          (
            await t.db
              .selectFrom('incident_events')
              .select('type')
              .where('incident_id', '=', incidentId)
              .where('type', '=', 'RoleAssigned')
              .execute()
          ).length,
      )
      .toBe(1);

    const refused = await choose('incident.resolve', undefined, 'U0OTHER');
    const told = await t.slack.waitForCall(
      'response_url',
      (c) => c.path === new URL(refused.responseUrl).pathname,
    );
    expect(String(told.args.text)).toContain('Only the commander (<@U0DANA>) can resolve');

    const responseUrl = t.slack.responseUrl();
    const opens = t.slack.callsTo('views.open').length;
    await sendSlashCommand(t.target, {
      text: 'resolve',
      userId: DANA,
      teamId: TEAM,
      channelId: channel,
      responseUrl,
    });
    expect(await submitOpened(opens, { summary: { text: { value: ' ' } } })).toMatchObject({
      response_action: 'errors',
      errors: { summary: expect.stringContaining('resolution summary') },
    });
    const again = await choose('incident.resolve', undefined);
    // A second ago by the bot's clock: the picker's time is checked against the bot's now.
    const impactEnded = Math.floor(t.clock.now().getTime() / 1000) - 1;
    expect(
      await submitOpened(again.opens, {
        summary: { text: { value: 'Rolled back the upload service' } },
        impact_ended: { at: { type: 'datetimepicker', selected_date_time: impactEnded } },
      }),
    ).toEqual({});
    expect((await row()).status).toBe('resolved');
    const resolved = await t.db
      .selectFrom('incident_events')
      .select('payload')
      .where('incident_id', '=', incidentId)
      .where('type', '=', 'IncidentResolved')
      .executeTakeFirstOrThrow();
    expect(resolved.payload).toMatchObject({
      summary: 'Rolled back the upload service',
      postmortemRequired: true,
      asCommander: true,
    });
    const ended = Date.parse((resolved.payload as { impactEndedAt: string }).impactEndedAt);
    expect(Math.abs(ended - impactEnded * 1000)).toBeLessThan(60_000);
    await t.outboxSettled();
    const header = JSON.stringify(t.slack.workspace.message(channel, headerTs)?.blocks);
    expect(header).toContain('Resolved');
    expect(header).not.toContain('incident.resolve');
  });
});
