import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrivenIncident, eventTime, useBot } from '../support/incident-driver.js';
import { openTimersQueue } from '../support/pending-timers.js';

const DANA = 'U0DANA';
const STAKEHOLDERS = 'C0STAKEHOLDERS';
const MINUTE = 60_000;

describe('update nudges and stakeholder updates', () => {
  const { t, drive } = useBot({
    env: { UPDATE_CADENCE: 'SEV2=PT1S', STAKEHOLDER_CHANNEL: STAKEHOLDERS, DIAGNOSIS_HOLD: 'PT0S' },
  });
  let incident: DrivenIncident;
  let queue: Queue;

  beforeAll(async () => {
    t.slack.addChannel({ id: STAKEHOLDERS, name: 'status-updates' });
    t.slack.workspace.addUser({ id: DANA, name: 'dana', tz: 'Asia/Tokyo' });
    queue = openTimersQueue(t.queuePrefix);
    incident = await drive.open('Checkout slow for EU customers', DANA);
    await drive.click(incident, 'role.take', DANA, 'communicator');
  });
  afterAll(async () => {
    await queue?.close();
  });

  const updateDue = async () => {
    const job = (await queue.getDelayed()).find((j) => (j.data as { key: string }).key === 'update-due');
    return job ? Date.parse((job.data as { dueAt: string }).dueAt) : null;
  };

  it('nudges the communicator with draft and snooze buttons; snoozing pushes the next nudge back', async () => {
    const nudge = await drive.nudge(incident);
    expect(String(nudge?.args.text)).toContain(`<@${DANA}>`);

    const responseUrl = t.slack.responseUrl();
    await drive.clickOn(
      { channel: incident.channel, ts: String(nudge?.response.ts) },
      'update.snooze.30',
      DANA,
      { value: '30', responseUrl },
    );
    expect(await drive.toldAt(responseUrl)).toContain('Snoozed');
    const snoozed = await drive.events(incident.id, 'UpdateNudgeSnoozed');
    expect(snoozed).toHaveLength(1);
    const until = eventTime(snoozed[0], 'until');
    expect(until - eventTime(snoozed[0])).toBe(30 * MINUTE);
    await expect.poll(updateDue, { timeout: 5_000 }).toBe(until);
  });

  it('drafts the update from the incident, posts it to stakeholders and the channel, and resets the clock', async () => {
    const modal = await drive.modalAfter(() => drive.command('update', DANA, incident.channel));
    const draft = modal.view.blocks[0]?.element?.initial_value ?? '';
    expect(draft).toContain('What is affected');
    expect(draft).toContain("What we don't know yet");
    // The promise is added on posting, from the fields below, so the text cannot contradict them.
    expect(draft).not.toContain('Next update');
    expect(JSON.stringify(modal.view)).toContain('"block_id":"expected"');

    const refused = await modal.submit(DANA, {
      text: { text: { value: '   ' } },
      next: { choice: { type: 'static_select', selected_option: { value: '30' } } },
    });
    expect(refused).toMatchObject({ response_action: 'errors' });
    expect(await drive.events(incident.id, 'StakeholderUpdatePosted')).toEqual([]);

    const text = 'Checkout is slow for some EU customers. We are testing a database failover.';
    expect(
      await modal.submit(DANA, {
        text: { text: { value: text } },
        expected: { text: { type: 'plain_text_input', value: 'by 16:00 UTC' } },
        next: { choice: { type: 'static_select', selected_option: { value: '30' } } },
      }),
    ).toEqual({});
    const posted = await drive.events(incident.id, 'StakeholderUpdatePosted');
    expect(posted).toHaveLength(1);
    const next = eventTime(posted[0], 'nextUpdateBy');
    expect(next - eventTime(posted[0])).toBe(30 * MINUTE);
    expect(posted[0]?.payload).toMatchObject({ expectedResolution: 'by 16:00 UTC' });

    await t.outboxSettled();
    // Stakeholders read the promise the timer keeps, in TIMEZONE (UTC here), and the estimate given.
    const promise = `Next update by ${new Date(next).toISOString().slice(11, 16)} UTC`;
    for (const channel of [STAKEHOLDERS, incident.channel]) {
      const updates = drive.posted(channel).filter((call) => String(call.args.text).includes(text));
      expect(updates).toHaveLength(1);
      const shown = String(updates[0]?.args.text);
      expect(shown).toContain('Expected resolution: by 16:00 UTC (our best estimate; we will confirm it).');
      expect(shown).toContain(promise);
    }
    // The promised time is the next nudge.
    await expect.poll(updateDue, { timeout: 5_000 }).toBe(next);
  });

  it('`/incident timers` explains every pending timer in the caller’s zone; the header names the next', async () => {
    const text = await drive.slash('timers', DANA, incident.channel);
    expect(text).toContain('times in Asia/Tokyo');
    expect(text).toMatch(/\*Escalation to the senior engineer\*: .+, in (29|30) minutes/);
    expect(text).toMatch(/\*Escalation to the VP of Engineering\*: .+, in (29|30) minutes/);
    expect(text).toMatch(/\*Stakeholder update due\*: .+, in (29|30) minutes/);
    expect(text).toContain('ESCALATE_AFTER');
    expect(text).toContain('Cancelled by');
    await t.outboxSettled();
    expect(drive.header(incident)).toMatch(
      /Next timer: (escalation to the senior engineer|escalation to the VP of Engineering|stakeholder update due)/,
    );
  });

  it('keeps a private incident’s updates in its channel, unless a channel is chosen for one', async () => {
    const secret = await drive.openFromForm('Leaked deploy key', DANA, { service: 'ci', flags: ['private'] });
    const SECURITY = 'C0SECURITY';
    t.slack.addChannel({ id: SECURITY, name: 'security-leads' });
    const postUpdate = async (text: string, channel: string | null) => {
      const modal = await drive.modalAfter(() => drive.command('update', DANA, secret.channel));
      expect(JSON.stringify(modal.view)).toContain('"block_id":"channel"');
      return modal.submit(DANA, {
        text: { text: { value: text } },
        next: { choice: { type: 'static_select', selected_option: { value: 'cadence' } } },
        ...(channel
          ? { channel: { channel: { type: 'conversations_select', selected_conversation: channel } } }
          : {}),
      });
    };
    expect(await postUpdate('Key rotated; checking for use.', null)).toEqual({});
    expect(await postUpdate('No misuse found so far.', SECURITY)).toEqual({});
    await t.outboxSettled();
    const where = (text: string) =>
      t.slack
        .callsTo('chat.postMessage')
        .filter((c) => String(c.args.text).includes(text))
        .map((c) => c.args.channel)
        .sort();
    expect(where('Key rotated')).toEqual([secret.channel]);
    expect(where('No misuse found')).toEqual([SECURITY, secret.channel].sort());
    const posted = await drive.events(secret.id, 'StakeholderUpdatePosted');
    expect(posted.map((e) => (e.payload as { alsoPostedTo?: string }).alsoPostedTo ?? null)).toEqual([
      null,
      SECURITY,
    ]);
  });
  it('says when no further update is planned, for a severity without a cadence', async () => {
    const quiet = await drive.open('Search results slightly stale', DANA);
    await drive.slash('severity SEV4 a few stale results, no customer complaints', DANA, quiet.channel);
    await expect.poll(async () => (await drive.state(quiet.id)).severity).toBe('SEV4');
    const modal = await drive.modalAfter(() => drive.command('update', DANA, quiet.channel));
    expect(
      await modal.submit(DANA, {
        text: { text: { value: 'Some search results are a few minutes old.' } },
        next: { choice: { type: 'static_select', selected_option: { value: 'cadence' } } },
      }),
    ).toEqual({});
    const posted = await drive.events(quiet.id, 'StakeholderUpdatePosted');
    expect(posted[0]?.payload).toMatchObject({
      nextUpdateBy: null,
      text: expect.stringMatching(/a few minutes old\.\n\nWe will post again when the situation changes\.$/),
    });
  });

  it('resolving posts the final update, drafted in the past tense, to stakeholders and the channel', async () => {
    const modal = await drive.modalAfter(() => drive.click(incident, 'incident.resolve', DANA));
    const field = modal.view.blocks.find((block) => block.block_id === 'final_update');
    const draft = field?.element?.initial_value ?? '';
    expect(draft).toMatch(
      /^Resolved: Checkout slow for EU customers\.\nWhat happened: From \d\d:\d\d to \d\d:\d\d UTC, /,
    );
    expect(draft).toContain('This is our final update on this incident.');
    const before = (await drive.events(incident.id, 'StakeholderUpdatePosted')).length;
    const final = `${draft}\nThank you for your patience.`;
    expect(
      await modal.submit(DANA, {
        summary: { text: { value: 'Failed over to the healthy database.' } },
        final_update: { text: { type: 'plain_text_input', value: final } },
        // Opened with `/incident open`, its severity is still pending: the form asks for it.
        severity: { choice: { type: 'static_select', selected_option: { value: 'SEV2' } } },
      }),
    ).toEqual({});
    const resolved = await drive.events(incident.id, 'IncidentResolved');
    const updates = await drive.events(incident.id, 'StakeholderUpdatePosted');
    expect(updates).toHaveLength(before + 1);
    // Recorded by the same command as the resolution: same moment, same person.
    expect(updates.at(-1)?.payload).toMatchObject({ text: final, nextUpdateBy: null });
    expect(eventTime(updates.at(-1))).toBe(eventTime(resolved[0]));
    await t.outboxSettled();
    for (const channel of [STAKEHOLDERS, incident.channel])
      expect(
        drive
          .posted(channel)
          .filter((call) => String(call.args.text).includes('Thank you for your patience.')),
      ).toHaveLength(1);
  });
});
