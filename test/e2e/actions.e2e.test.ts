import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { blockActionPayload, viewSubmissionPayload } from '../support/slack-payloads.js';
import { sendInteraction, sendSlashCommand } from '../support/slack-requests.js';

const TEAM = 'T0001';
const ALEX = 'U0ALEX';

describe('actions from the header', () => {
  let t: BotUnderTest;
  let channel = '';
  let headerTs = '';
  let incidentId = '';

  beforeAll(async () => {
    t = await startBotUnderTest();
    await sendSlashCommand(t.target, {
      text: 'open Emails not sending',
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

  async function click(actionId: string, extra: { selectedOption?: string } = {}) {
    const responseUrl = t.slack.responseUrl();
    const opens = t.slack.callsTo('views.open').length;
    await sendInteraction(
      t.target,
      blockActionPayload({
        actionId,
        userId: ALEX,
        channelId: channel,
        messageTs: headerTs,
        teamId: TEAM,
        responseUrl,
        ...extra,
      }),
    );
    return { responseUrl, opens };
  }

  async function openedView(opens: number) {
    await t.slack.waitForCalls('views.open', opens + 1);
    return t.slack.callsTo('views.open').at(-1)?.args.view as {
      callback_id: string;
      private_metadata: string;
    };
  }

  async function submit(
    view: { callback_id: string; private_metadata: string },
    values: Record<string, Record<string, unknown>>,
  ) {
    const response = await sendInteraction(
      t.target,
      viewSubmissionPayload({
        callbackId: view.callback_id,
        userId: ALEX,
        teamId: TEAM,
        privateMetadata: view.private_metadata,
        values,
      }),
    );
    return response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {};
  }

  const actions = async () => {
    const row = await t.db
      .selectFrom('incidents')
      .select('snapshot')
      .where('id', '=', incidentId)
      .executeTakeFirstOrThrow();
    return (
      row.snapshot as {
        actions: { id: string; text: string; owner: string; status: string; result: string | null }[];
      }
    ).actions;
  };

  it('adds an action during the hold as proposed, and says why in place of the form', async () => {
    const { opens } = await click('action.add');
    const view = await openedView(opens);
    expect(view.callback_id).toBe('action.add');
    const answer = await submit(view, {
      text: { text: { value: 'Fail over to the backup SMTP relay' } },
      owner: { user: { type: 'users_select', selected_user: 'U0BOB' } },
    });
    expect(answer).toMatchObject({ response_action: 'update', view: { title: { text: 'Action proposed' } } });
    expect(JSON.stringify(answer)).toContain('diagnosis hold ends at');
    expect(await actions()).toMatchObject([
      { text: 'Fail over to the backup SMTP relay', owner: 'U0BOB', status: 'proposed' },
    ]);
  });

  it('refuses to start a proposed action until the hold is lifted, then starts it', async () => {
    const [action] = await actions();
    const { responseUrl } = await click('action.mark', { selectedOption: `start|${action?.id}` });
    const told = await t.slack.waitForCall('response_url', (c) => c.path === new URL(responseUrl).pathname);
    expect(String(told.args.text)).toContain('diagnosis hold ends at');

    const { opens } = await click('hold.lift');
    expect(
      await submit(await openedView(opens), {
        text: { text: { value: 'Relay outage confirmed by provider' } },
      }),
    ).toEqual({});
    await click('action.mark', { selectedOption: `start|${action?.id}` });
    await expect.poll(async () => (await actions())[0]?.status).toBe('in_progress');
  });

  it('reassigns and completes an action through its menu', async () => {
    const [action] = await actions();
    let { opens } = await click('action.mark', { selectedOption: `reassign|${action?.id}` });
    expect(
      await submit(await openedView(opens), {
        owner: { user: { type: 'users_select', selected_user: 'U0CAROL' } },
      }),
    ).toEqual({});
    ({ opens } = await click('action.mark', { selectedOption: `done|${action?.id}` }));
    expect(
      await submit(await openedView(opens), { text: { text: { value: 'Mail flowing again' } } }),
    ).toEqual({});
    expect((await actions())[0]).toMatchObject({
      owner: 'U0CAROL',
      status: 'done',
      result: 'Mail flowing again',
    });
  });

  it('abandons an action only with a reason', async () => {
    let { opens } = await click('action.add');
    expect(
      await submit(await openedView(opens), {
        text: { text: { value: 'Raise the send quota' } },
        owner: { user: { selected_user: ALEX } },
      }),
    ).toEqual({});
    const added = (await actions()).find((a) => a.text === 'Raise the send quota');
    expect(added?.status).toBe('in_progress');
    ({ opens } = await click('action.mark', { selectedOption: `abandon|${added?.id}` }));
    const view = await openedView(opens);
    expect(await submit(view, { text: { text: { value: '' } } })).toMatchObject({
      response_action: 'errors',
    });
    expect(await submit(view, { text: { text: { value: 'Quota was not the problem' } } })).toEqual({});
    expect((await actions()).find((a) => a.id === added?.id)).toMatchObject({
      status: 'abandoned',
      result: 'Quota was not the problem',
    });
    await t.outboxSettled();
    expect(JSON.stringify(t.slack.workspace.message(channel, headerTs)?.blocks)).toContain('No open actions');
  });
});
