import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_METADATA_TYPE } from '../../src/adapters/slack/effects/pinned-header.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { type DrivenIncident, incidentDriver } from '../support/incident-driver.js';
import { ackText } from '../support/slack-requests.js';
import { counterValue, DANA, slashIn } from './support/rig.js';

const VP = 'U0VPGONE';
const POSTMORTEMS = 'C0POSTMORTEMS';
const GIVEN_UP = 'incident_effects_given_up_total';

/**
 * A Slack error that retrying will not fix is given up at once, shown to the commander and counted,
 * and holds back nothing after it; one that might heal but never does stops after a bounded
 * number of tries. Every incident escalates after 1 s, and the VP's direct message always fails
 * with `user_not_found` (a deactivated account).
 */
describe('permanent Slack error does not block', () => {
  let t: BotUnderTest;
  let drive: ReturnType<typeof incidentDriver>;

  beforeAll(async () => {
    t = await startBotUnderTest({
      env: { ESCALATE_AFTER: 'PT1S', ESCALATION_EXEC: VP, POSTMORTEM_CHANNEL: POSTMORTEMS },
    });
    t.slack.addChannel({ id: POSTMORTEMS, name: 'postmortems' });
    t.slack.failMethod('conversations.open', 'user_not_found');
    drive = incidentDriver(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const open = (title: string) => drive.open(title, DANA, t.slack.responseUrl());
  const outboxRows = (incidentId: string, kind: string) =>
    t.db
      .selectFrom('outbox')
      .select(['attempts', 'failure', 'failed_at', 'done_at'])
      .where('incident_id', '=', incidentId)
      .where('kind', '=', kind)
      .execute();
  const given = async (incident: DrivenIncident, kind: string) =>
    (await outboxRows(incident.id, kind)).some((row) => row.failed_at !== null);
  const statusOf = async (incident: DrivenIncident) => ackText(await slashIn(t.target, incident, 'status'));

  it('posts a deleted header again and pins it', async () => {
    const incident = await open('Header went missing');
    await t.outboxSettled();
    t.slack.workspace.deleteMessage(incident.channel, incident.headerTs);

    expect(ackText(await slashIn(t.target, incident, 'note someone deleted the header'))).toBe(
      'Noted on the timeline.',
    );
    const headerTs = async () =>
      (
        await t.db
          .selectFrom('incidents')
          .select('header_ts')
          .where('id', '=', incident.id)
          .executeTakeFirst()
      )?.header_ts;
    await expect.poll(headerTs).not.toBe(incident.headerTs);
    const reposted = await headerTs();
    const headers = t.slack.workspace
      .messages(incident.channel)
      .filter((m) => (m.metadata as { event_type?: string } | null)?.event_type === HEADER_METADATA_TYPE);
    expect(headers.map((m) => m.ts)).toEqual([reposted]);
    await expect.poll(() => t.slack.workspace.pins(incident.channel)).toContain(reposted);
    expect(t.slack.callsTo('chat.update').some((c) => c.response.error === 'message_not_found')).toBe(true);
  });

  it('tries a refused effect once, shows and counts it, and still posts what comes after', async () => {
    const incident = await open('Payments failing');
    await drive.click(incident, 'role.take', DANA, 'commander');
    await expect.poll(() => given(incident, 'escalation.brief'), { timeout: 10_000 }).toBe(true);
    const [brief] = await outboxRows(incident.id, 'escalation.brief');
    expect(brief).toMatchObject({ attempts: 1, failure: 'user_not_found' });

    // Later effects go out: resolving posts the resolution and the postmortem draft.
    await drive.resolve(incident, DANA, 'Rolled back the payments deploy', { postmortemWanted: true });
    await t.outboxSettled();
    expect(drive.posted(incident.channel).some((c) => String(c.args.text).includes('resolved by'))).toBe(
      true,
    );
    expect(
      drive.posted(POSTMORTEMS).some((c) => String(c.args.text).startsWith('Postmortem draft for')),
    ).toBe(true);

    // Every VP message was tried once, never again; so was every direct message (the new
    // commander's briefing opens a conversation too, and is refused the same way).
    const briefs = await t.db
      .selectFrom('outbox')
      .select('attempts')
      .where('kind', '=', 'escalation.brief')
      .execute();
    expect(briefs.every((row) => row.attempts === 1)).toBe(true);
    const directMessages = await t.db
      .selectFrom('outbox')
      .select('attempts')
      .where('kind', 'in', ['escalation.brief', 'commander.brief'])
      .execute();
    expect(directMessages.every((row) => row.attempts === 1)).toBe(true);
    expect(t.slack.callsTo('conversations.open')).toHaveLength(directMessages.length);

    const status = await statusOf(incident);
    expect(status).toContain('Did not reach Slack');
    expect(status).toMatch(/the escalation brief to the VP, .*: user_not_found/);
    const header = t.slack.workspace.message(incident.channel, incident.headerTs);
    expect(JSON.stringify(header?.blocks)).toContain('did not reach Slack');
    expect(
      await counterValue(t.baseUrl, GIVEN_UP, { kind: 'escalation.brief', reason: 'user_not_found' }),
    ).toBe(briefs.length);
  });

  it('stops an effect that keeps failing with a retryable error after a bounded number of tries', async () => {
    await t.outboxSettled();
    const invitesBefore = t.slack.callsTo('conversations.invite').length;
    // Slack keeps saying "rate limited, retry in 1 s", forever.
    t.slack.rateLimit('conversations.invite', 1, Number.POSITIVE_INFINITY);
    const incident = await open('Rate limited forever');
    // The header, queued after the invitation, did not wait for it.
    await expect.poll(() => t.slack.workspace.pins(incident.channel)).toEqual([incident.headerTs]);
    expect((await outboxRows(incident.id, 'channel.invite'))[0]?.done_at).toBeNull();

    await expect.poll(() => given(incident, 'channel.invite'), { timeout: 20_000 }).toBe(true);
    const [invite] = await outboxRows(incident.id, 'channel.invite');
    expect(invite?.attempts).toBe(8);
    expect(invite?.failure).toMatch(/^gave up after 8 tries/);
    await t.outboxSettled();
    expect(t.slack.callsTo('conversations.invite').length - invitesBefore).toBe(8);

    expect(await statusOf(incident)).toMatch(/an invitation to the channel, .*: gave up after 8 tries/);
    expect(await counterValue(t.baseUrl, GIVEN_UP, { kind: 'channel.invite', reason: 'retries' })).toBe(1);
  });
});
