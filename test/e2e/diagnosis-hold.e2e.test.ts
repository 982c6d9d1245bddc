import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { blockActionPayload, viewSubmissionPayload } from '../support/slack-payloads.js';
import { sendInteraction, sendSlashCommand, slashAnswer } from '../support/slack-requests.js';

const TEAM = 'T0001';
const DANA = 'U0DANA';
const ALEX = 'U0ALEX';

describe('the diagnosis hold from Slack', () => {
  let t: BotUnderTest;
  let channel = '';
  let headerTs = '';
  let incidentId = '';

  beforeAll(async () => {
    t = await startBotUnderTest();
    await sendSlashCommand(t.target, {
      text: 'open Search is down',
      userId: ALEX,
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

  const slash = (text: string, userId: string) =>
    slashAnswer(t.target, { text, userId, teamId: TEAM, channelId: channel });

  async function click(actionId: string, userId: string, value?: string) {
    const responseUrl = t.slack.responseUrl();
    const response = await sendInteraction(
      t.target,
      blockActionPayload({
        actionId,
        userId,
        channelId: channel,
        messageTs: headerTs,
        teamId: TEAM,
        responseUrl,
        ...(value ? { value } : {}),
      }),
    );
    expect(response.status).toBe(200);
    return responseUrl;
  }

  async function submit(callbackId: string, userId: string, text: string) {
    const opened = t.slack.callsTo('views.open').at(-1);
    const view = opened?.args.view as { private_metadata: string; callback_id: string };
    expect(view.callback_id).toBe(callbackId);
    const response = await sendInteraction(
      t.target,
      viewSubmissionPayload({
        callbackId,
        userId,
        teamId: TEAM,
        privateMetadata: view.private_metadata,
        values: { text: { text: { type: 'plain_text_input', value: text } } },
      }),
    );
    expect(response.status).toBe(200);
    return response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {};
  }

  const types = async () =>
    (
      await t.db
        .selectFrom('incident_events')
        .select('type')
        .where('incident_id', '=', incidentId)
        .orderBy('seq')
        .execute()
    ).map((e) => e.type);

  it('keeps an action as proposed while the hold runs', async () => {
    expect(await slash('action Restart the search cluster', ALEX)).toContain('diagnosis hold ends at');
    expect(await types()).toContain('ActionProposed');
    expect(await types()).not.toContain('ActionStarted');
  });

  it('adds a hypothesis from the header button and its modal', async () => {
    await click('hypothesis.add', ALEX);
    await t.slack.waitForCall('views.open');
    expect(await submit('hypothesis.add', ALEX, '')).toMatchObject({ response_action: 'errors' });
    expect(await submit('hypothesis.add', ALEX, 'The index rebuild starved the cluster')).toEqual({});
    expect(await types()).toContain('HypothesisProposed');
  });

  it('lets only the commander lift the hold, with a reason, and then the action starts', async () => {
    await click('role.take', DANA, 'commander');
    await t.outboxSettled();

    const refused = await click('hold.lift', ALEX);
    const told = await t.slack.waitForCall('response_url', (call) => call.path === new URL(refused).pathname);
    expect(String(told.args.text)).toContain('Only the commander (<@U0DANA>) can lift the diagnosis hold');

    const opens = t.slack.callsTo('views.open').length;
    await click('hold.lift', DANA);
    await t.slack.waitForCalls('views.open', opens + 1);
    expect(await submit('hold.lift', DANA, '  ')).toMatchObject({
      response_action: 'errors',
      errors: { text: expect.stringContaining('reason') },
    });
    expect(await submit('hold.lift', DANA, 'The cause is certain: the index rebuild')).toEqual({});
    const lifted = await t.db
      .selectFrom('incident_events')
      .select('payload')
      .where('incident_id', '=', incidentId)
      .where('type', '=', 'HoldLifted')
      .executeTakeFirstOrThrow();
    expect(lifted.payload).toMatchObject({
      by: DANA,
      reason: 'The cause is certain: the index rebuild',
      asCommander: true,
    });

    await t.outboxSettled();
    const header = t.slack.workspace.message(channel, headerTs);
    expect(JSON.stringify(header?.blocks)).toContain('Lifted by <@U0DANA>');

    expect(await slash('action Restart the search cluster', ALEX)).toContain('Action started');
    expect(await types()).toContain('ActionStarted');
  });
});
