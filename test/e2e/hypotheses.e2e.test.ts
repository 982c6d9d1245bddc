import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { blockActionPayload, viewSubmissionPayload } from '../support/slack-payloads.js';
import { sendInteraction, sendSlashCommand, slashAnswer } from '../support/slack-requests.js';

const TEAM = 'T0001';
const ALEX = 'U0ALEX';

describe('the hypothesis lifecycle from the header', () => {
  let t: BotUnderTest;
  let channel = '';
  let headerTs = '';
  let incidentId = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startBotUnderTest();
    await sendSlashCommand(t.target, {
      text: 'open API latency high',
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
    for (const [name, text] of [
      ['db', 'The database is saturated'],
      ['dns', 'DNS lookups are slow'],
    ]) {
      await slashAnswer(t.target, {
        text: `hypothesis ${text}`,
        userId: ALEX,
        teamId: TEAM,
        channelId: channel,
      });
      const event = await t.db
        .selectFrom('incident_events')
        .select('payload')
        .where('incident_id', '=', incidentId)
        .where('type', '=', 'HypothesisProposed')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      ids[name ?? ''] = (event.payload as { hypothesisId: string }).hypothesisId;
    }
    await t.outboxSettled();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const statuses = async () => {
    const row = await t.db
      .selectFrom('incidents')
      .select('snapshot')
      .where('id', '=', incidentId)
      .executeTakeFirstOrThrow();
    return Object.fromEntries(
      (row.snapshot as { hypotheses: { id: string; status: string }[] }).hypotheses.map((h) => [
        h.id,
        h.status,
      ]),
    );
  };

  const choose = (value: string) =>
    sendInteraction(
      t.target,
      blockActionPayload({
        actionId: 'hypothesis.mark',
        blockId: 'hypothesis.0',
        selectedOption: value,
        userId: ALEX,
        channelId: channel,
        messageTs: headerTs,
        teamId: TEAM,
      }),
    );

  async function withEvidence(value: string, evidence: string) {
    const opens = t.slack.callsTo('views.open').length;
    await choose(value);
    const [, opened] = [
      await t.slack.waitForCalls('views.open', opens + 1),
      t.slack.callsTo('views.open').at(-1),
    ];
    const view = opened?.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('hypothesis.evidence');
    const response = await sendInteraction(
      t.target,
      viewSubmissionPayload({
        callbackId: 'hypothesis.evidence',
        userId: ALEX,
        teamId: TEAM,
        privateMetadata: view.private_metadata,
        values: { text: { text: { type: 'plain_text_input', value: evidence } } },
      }),
    );
    return response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {};
  }

  it('lists each hypothesis with its menu', async () => {
    const header = JSON.stringify(t.slack.workspace.message(channel, headerTs)?.blocks);
    expect(header).toContain('The database is saturated');
    expect(header).toContain(`testing|${ids.db}`);
  });

  it('moves proposed → testing at once', async () => {
    await choose(`testing|${ids.db}`);
    await expect.poll(statuses).toMatchObject({ [ids.db ?? '']: 'testing' });
  });

  it('rules out and confirms only with evidence, shown on the timeline', async () => {
    expect(await withEvidence(`ruled_out|${ids.dns}`, ' ')).toMatchObject({ response_action: 'errors' });
    expect(await withEvidence(`ruled_out|${ids.dns}`, 'dig answers in 2 ms from every node')).toEqual({});
    expect(await withEvidence(`confirmed|${ids.db}`, 'CPU at 100% on the primary since 14:02')).toEqual({});
    expect(await statuses()).toEqual({ [ids.db ?? '']: 'confirmed', [ids.dns ?? '']: 'ruled_out' });
    const evidence = await t.db
      .selectFrom('incident_events')
      .select('payload')
      .where('incident_id', '=', incidentId)
      .where('type', '=', 'HypothesisUpdated')
      .orderBy('seq')
      .execute();
    expect(evidence.map((e) => (e.payload as { evidence: string | null }).evidence)).toEqual([
      null,
      'dig answers in 2 ms from every node',
      'CPU at 100% on the primary since 14:02',
    ]);
  });

  it('withdraws a confirmation with a reason', async () => {
    expect(await withEvidence(`withdrawn|${ids.db}`, 'Latency persists after failover')).toEqual({});
    expect(await statuses()).toMatchObject({ [ids.db ?? '']: 'withdrawn' });
    await t.outboxSettled();
    const header = JSON.stringify(t.slack.workspace.message(channel, headerTs)?.blocks);
    expect(header).toContain('2 ruled out or withdrawn');
  });
});
