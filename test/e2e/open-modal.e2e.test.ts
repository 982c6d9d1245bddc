import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEAM, useBot } from '../support/incident-driver.js';
import { viewSubmissionPayload } from '../support/slack-payloads.js';
import { sendInteraction, sendSlashCommand } from '../support/slack-requests.js';

const ANNOUNCE = 'C0ANNOUNCE';

type Answers = { impact: string; critical: string; data: string; workaround: string };
const SEV1: Answers = { impact: 'most', critical: 'yes', data: 'no', workaround: 'no' };
const SEV3: Answers = { impact: 'some', critical: 'no', data: 'no', workaround: 'yes' };

describe('opening an incident through the triage modal', () => {
  const { t } = useBot({ env: { ANNOUNCE_CHANNEL: ANNOUNCE } });

  beforeAll(() => {
    t.slack.addChannel({ id: ANNOUNCE, name: 'incidents' });
  });
  beforeEach(async () => {
    await t.outboxSettled();
    t.slack.clearCalls();
  });

  const select = (value: string) => ({ answer: { type: 'static_select', selected_option: { value } } });

  async function submit(fields: {
    title: string;
    service: string;
    answers: Answers;
    flags?: string[];
    metadata?: string;
  }) {
    const response = await sendInteraction(
      t.target,
      viewSubmissionPayload({
        callbackId: 'incident.open',
        userId: 'U0DANA',
        teamId: TEAM,
        privateMetadata:
          fields.metadata ?? JSON.stringify({ channel: 'C0GENERAL', duplicateAcknowledged: false }),
        values: {
          title: { text: { type: 'plain_text_input', value: fields.title } },
          service: { text: { type: 'plain_text_input', value: fields.service } },
          'triage.customerImpact': select(fields.answers.impact),
          'triage.criticalPathDown': select(fields.answers.critical),
          'triage.dataAtRisk': select(fields.answers.data),
          'triage.workaroundExists': select(fields.answers.workaround),
          flags: {
            flags: { type: 'checkboxes', selected_options: (fields.flags ?? []).map((value) => ({ value })) },
          },
        },
      }),
    );
    expect(response.status).toBe(200);
    return response.body
      ? (JSON.parse(response.body) as {
          response_action?: string;
          view?: { private_metadata: string; blocks: unknown[] };
          errors?: Record<string, string>;
        })
      : {};
  }

  const incident = (number: number) =>
    t.db
      .selectFrom('incidents')
      .selectAll()
      .where('team_id', '=', TEAM)
      .where('number', '=', number)
      .executeTakeFirstOrThrow();

  it('shows the triage questions', async () => {
    await sendSlashCommand(t.target, { text: 'open', teamId: TEAM });
    const modal = await t.slack.waitForCall('views.open');
    const blockIds = (modal.args.view as { blocks: { block_id?: string }[] }).blocks.map((b) => b.block_id);
    expect(blockIds).toEqual([
      'title',
      'service',
      'triage.customerImpact',
      'triage.criticalPathDown',
      'triage.dataAtRisk',
      'triage.workaroundExists',
      'flags',
    ]);
  });

  it('opens with the severity the answers give, and announces it once, updating it in place', async () => {
    expect(await submit({ title: 'Checkout down', service: 'checkout', answers: SEV1 })).toEqual({});
    const announced = await t.slack.waitForCall('chat.postMessage', (c) => c.args.channel === ANNOUNCE);
    await t.outboxSettled();
    const row = await incident(1);
    expect(row).toMatchObject({
      severity: 'SEV1',
      service: 'checkout',
      private: false,
      announcement_channel: ANNOUNCE,
      announcement_ts: announced.response.ts,
    });
    expect(JSON.stringify(announced.args.blocks)).toContain(`<#${row.channel_id}>`);

    const responseUrl = t.slack.responseUrl();
    await sendSlashCommand(t.target, {
      text: 'severity SEV2 only the EU region',
      userId: 'U0DANA',
      teamId: TEAM,
      channelId: row.channel_id ?? '',
      responseUrl,
    });
    const update = await t.slack.waitForCall('chat.update', (c) => c.args.channel === ANNOUNCE);
    expect(update.args.ts).toBe(announced.response.ts);
    expect(JSON.stringify(update.args.blocks)).toContain('SEV2');
    await t.outboxSettled();
    expect(t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ANNOUNCE)).toHaveLength(1);
  });

  it('warns about a recent open incident on the same service before opening another', async () => {
    const warned = await submit({ title: 'Checkout slow', service: 'Checkout', answers: SEV3 });
    expect(warned.response_action).toBe('update');
    expect(JSON.stringify(warned.view?.blocks)).toContain('INC-1');
    expect(await incident(2).catch(() => null)).toBeNull();

    expect(
      await submit({
        title: 'Checkout slow',
        service: 'Checkout',
        answers: SEV3,
        metadata: warned.view?.private_metadata ?? '',
      }),
    ).toEqual({});
    await expect.poll(async () => (await incident(2)).severity).toBe('SEV3');
  });

  it('opens a private incident in a private channel and never announces it', async () => {
    expect(
      await submit({ title: 'Leaked credentials', service: 'auth', answers: SEV1, flags: ['private'] }),
    ).toEqual({});
    const created = await t.slack.waitForCall('conversations.create');
    expect(created.args).toMatchObject({ name: 'inc-3-leaked-credentials', is_private: 'true' });
    await t.outboxSettled();
    expect(t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ANNOUNCE)).toHaveLength(0);
    expect(await incident(3)).toMatchObject({ private: true, announcement_ts: null });
  });

  it('labels a drill as a drill in its channel name and announcement', async () => {
    expect(
      await submit({ title: 'Failover practice', service: 'db', answers: SEV3, flags: ['drill'] }),
    ).toEqual({});
    const created = await t.slack.waitForCall('conversations.create');
    expect(created.args.name).toBe('drill-inc-4-failover-practice');
    const announced = await t.slack.waitForCall('chat.postMessage', (c) => c.args.channel === ANNOUNCE);
    expect(String(announced.args.text)).toMatch(/^:construction: DRILL, not a real incident/);
  });

  it('shows a refusal on the form', async () => {
    const refused = await submit({ title: '   ', service: '', answers: SEV3 });
    expect(refused).toMatchObject({
      response_action: 'errors',
      errors: { title: expect.stringContaining('title') },
    });
  });
});
