import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { eventTime as at, incidentDriver, useBot } from '../support/incident-driver.js';
import { openTimersQueue, pendingTimerKeys } from '../support/pending-timers.js';
import { startSlackStandIn } from '../support/slack-stand-in/index.js';
import { createTestDatabase } from '../support/test-database.js';

const DANA = 'U0DANA';
const SENIOR = 'U0SENIOR';
const ON_CALL_GROUP = 'S0ONCALL';
const ON_CALL_MEMBER = 'U0ONCALL';
const VP = 'U0VP';
const HOLD_MS = 2_000;
const ESCALATE_MS = 4_000;

describe('hold end and escalation with two bots on one PostgreSQL and Redis', () => {
  let a: BotUnderTest;
  let b: BotUnderTest;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const slack = await startSlackStandIn({ botUserId: 'UBOT' });
    slack.workspace.userGroups.set(ON_CALL_GROUP, {
      id: ON_CALL_GROUP,
      handle: 'oncall',
      users: [ON_CALL_MEMBER],
    });
    const queuePrefix = `ic-timers-${randomBytes(3).toString('hex')}`;
    const env = {
      DIAGNOSIS_HOLD: `PT${HOLD_MS / 1000}S`,
      ESCALATE_AFTER: `PT${ESCALATE_MS / 1000}S`,
      UPDATE_CADENCE: 'SEV1=PT0S,SEV2=PT0S',
      ESCALATION_SENIOR: `${SENIOR},${ON_CALL_GROUP}`,
      ESCALATION_EXEC: VP,
    };
    a = await startBotUnderTest({ env, database, slack, queuePrefix });
    b = await startBotUnderTest({ env, database, slack, queuePrefix });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await a?.slack.stop();
    await a?.database.drop();
  });

  it('ends the hold and escalates on time, each exactly once, with the Slack messages once', async () => {
    const drive = incidentDriver(a);
    const incident = await drive.open('Payments timing out', DANA);
    await drive.click(incident, 'role.take', DANA, 'commander');
    const opened = at((await drive.events(incident.id, 'IncidentOpened'))[0]);

    await expect
      .poll(async () => (await drive.events(incident.id, 'IncidentEscalated')).length, { timeout: 10_000 })
      .toBe(1);
    const holdEnded = await drive.events(incident.id, 'HoldEnded');
    const escalated = await drive.events(incident.id, 'IncidentEscalated');
    expect(holdEnded).toHaveLength(1);
    expect(Math.abs(at(holdEnded[0]) - (opened + HOLD_MS))).toBeLessThan(2_000);
    expect(Math.abs(at(escalated[0]) - (opened + ESCALATE_MS))).toBeLessThan(2_000);

    await a.outboxSettled();
    const inChannel = drive.posted(incident.channel).map((call) => String(call.args.text));
    expect(inChannel.filter((text) => text.includes('diagnosis hold is over'))).toHaveLength(1);
    const pages = inChannel.filter((text) => text.includes('needs a senior engineer'));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(`<@${SENIOR}>`);
    expect(pages[0]).toContain(`<@${ON_CALL_MEMBER}>`);
    const invited = a.slack
      .callsTo('conversations.invite')
      .filter((call) => call.args.channel === incident.channel)
      .map((call) => String(call.args.users));
    expect(invited).toContain(`${SENIOR},${ON_CALL_MEMBER}`);

    const vpDm = a.slack.workspace.imWith(VP).id;
    const briefs = drive.posted(vpDm);
    expect(briefs).toHaveLength(1);
    const brief = String(briefs[0]?.args.text);
    for (const fact of ['Payments timing out', 'Pending triage']) expect(brief).toContain(fact);
    const briefBlocks = JSON.stringify(briefs[0]?.args.blocks);
    for (const fact of [`*Commander*: <@${DANA}>`, `<#${incident.channel}>`, 'escalated as SEV2'])
      expect(briefBlocks).toContain(fact);

    // Each firing's lateness is in /metrics, on whichever bot ran it.
    const metrics = (
      await Promise.all([a, b].map(async (bot) => (await fetch(`${bot.baseUrl}/metrics`)).text()))
    ).join('\n');
    const counted = [
      ...metrics.matchAll(
        /^incident_timer_lateness_seconds_count\{kind="(hold-end|escalation-senior|escalation-exec)"\} (\d+)$/gm,
      ),
    ];
    expect(counted.reduce((sum, m) => sum + Number(m[2]), 0)).toBeGreaterThanOrEqual(2);
    expect(metrics).toContain('incident_timers_late_total');

    // Nothing is left to fire: the hold and the escalation are done, and the cadence is off.
    const queue = openTimersQueue(a.queuePrefix);
    try {
      expect(await pendingTimerKeys(queue)).toEqual([]);
    } finally {
      await queue.close();
    }
  });

  it('a timer job delivered again (a stalled job re-run) records nothing and posts nothing', async () => {
    const drive = incidentDriver(a);
    const incident = await drive.open('Search index stale', DANA);
    await expect
      .poll(async () => (await drive.events(incident.id, 'HoldEnded')).length, { timeout: 10_000 })
      .toBe(1);
    await a.outboxSettled();
    const postsBefore = drive.posted(incident.channel).length;
    const hold = (await drive.events(incident.id, 'IncidentOpened'))[0]?.payload as { at: string };
    const dueAt = new Date(Date.parse(hold.at) + HOLD_MS).toISOString();

    const queue = openTimersQueue(a.queuePrefix);
    try {
      const again = await queue.add('hold-end', {
        incidentId: incident.id,
        kind: 'hold-end',
        key: 'hold-end',
        dueAt,
        fireAt: dueAt,
      });
      await expect.poll(() => again.getState(), { timeout: 10_000 }).toBe('completed');
    } finally {
      await queue.close();
    }
    await a.outboxSettled();
    expect(await drive.events(incident.id, 'HoldEnded')).toHaveLength(1);
    expect(drive.posted(incident.channel)).toHaveLength(postsBefore);
  });
});

describe('resolving stops the live timers', () => {
  const { t, drive } = useBot({
    env: {
      DIAGNOSIS_HOLD: 'PT0S',
      ESCALATE_AFTER: 'PT4S',
      UPDATE_CADENCE: 'SEV2=PT1S',
      ESCALATION_EXEC: VP,
    },
  });

  it('nudges for updates while open, then after resolve no nudge and no escalation ever fires', async () => {
    const incident = await drive.open('Login page blank', DANA);
    await drive.click(incident, 'role.take', DANA, 'commander');
    const nudge = await drive.nudge(incident);
    expect(String(nudge?.args.text)).toContain(`<@${DANA}>`);
    expect(JSON.stringify(nudge?.args.blocks)).toContain('update.snooze.15');

    await drive.resolve(incident, DANA, 'Restarted the login service');
    await expect.poll(async () => (await drive.events(incident.id, 'IncidentResolved')).length).toBe(1);
    const resolvedAt = at((await drive.events(incident.id, 'IncidentResolved'))[0]);
    const opened = at((await drive.events(incident.id, 'IncidentOpened'))[0]);

    // Nothing live is left in the queue (an unclassified incident gets a postmortem only on request).
    const queue = openTimersQueue(t.queuePrefix);
    try {
      await expect.poll(() => pendingTimerKeys(queue)).toEqual([]);
    } finally {
      await queue.close();
    }
    // Past the escalation's old due time, by more than the allowed lateness.
    const wait = opened + 4_000 + 1_500 - t.clock.now().getTime();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    expect(await drive.events(incident.id, 'IncidentEscalated')).toEqual([]);
    const nudges = await drive.events(incident.id, 'UpdateNudged');
    expect(nudges.every((row) => at(row) < resolvedAt)).toBe(true);
    await t.outboxSettled();
    expect(drive.posted(t.slack.workspace.imWith(VP).id)).toEqual([]);
  });
});
