import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_REVIEW_JOB } from '../../src/adapters/bullmq/timer-queue.js';
import { type DrivenIncident, eventTime, useBot } from '../support/incident-driver.js';
import { openTimersQueue } from '../support/pending-timers.js';
import { placedTimers } from '../support/placed-timers.js';
import { POSTMORTEM_OUTLINE } from '../support/postmortem-outline.js';

const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
const SAM = 'U0SAM';
const DANA_ZONE = 'Europe/Paris';
const STAKEHOLDERS = 'C0STAKEHOLDERS';
const POSTMORTEMS = 'C0POSTMORTEMS';
/**
 * The bot's clock is pinned so the postmortem reminders behave the same at any hour: Tuesday
 * 16 June 2026, 10:00 in Paris, inside the commander's working hours, so they go out when due.
 * (test/e2e/reminders.e2e.test.ts covers reminders held outside working hours.)
 */
const CLOCK_STARTS_AT = '2026-06-16T10:00:00+02:00';

/** `2026-11-22 14:05 UTC`, as the Markdown draft writes times. */
const utc = (ms: number) =>
  `${new Date(ms).toISOString().slice(0, 10)} ${new Date(ms).toISOString().slice(11, 16)} UTC`;

describe('an incident from open to postmortem recorded (clock at Tue 16 Jun 2026 10:00 in Paris)', () => {
  const { t, drive } = useBot({
    clockStartsAt: CLOCK_STARTS_AT,
    env: {
      STAKEHOLDER_CHANNEL: STAKEHOLDERS,
      POSTMORTEM_CHANNEL: POSTMORTEMS,
      DIAGNOSIS_HOLD: 'PT0S',
      POSTMORTEM_DUE: 'PT3S',
      ESCALATION_EXEC: 'U0VP',
    },
  });
  let incident: DrivenIncident;
  let queue: Queue;

  beforeAll(async () => {
    t.slack.addChannel({ id: STAKEHOLDERS, name: 'status' });
    t.slack.addChannel({ id: POSTMORTEMS, name: 'postmortems' });
    t.slack.workspace.addUser({ id: DANA, name: 'dana', tz: DANA_ZONE });
    queue = openTimersQueue(t.queuePrefix);
  });
  afterAll(async () => {
    await queue?.close();
  });

  const slash = (text: string, userId = DANA) => drive.command(text, userId, incident.channel);

  /** Opens the update modal with `/incident update` and posts the draft as written. */
  async function postDraftedUpdate(): Promise<string> {
    const modal = await drive.modalAfter(() => slash('update', ALEX));
    const draft = modal.view.blocks[0]?.element?.initial_value ?? '';
    expect(
      await modal.submit(ALEX, {
        text: { text: { value: draft } },
        next: { choice: { type: 'static_select', selected_option: { value: '30' } } },
      }),
    ).toEqual({});
    return draft;
  }

  it('runs the whole life: updates at two stages, resolve, draft, reminders, postmortem, review', async () => {
    incident = await drive.open('Checkout errors spiking', DANA);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await drive.click(incident, 'role.take', ALEX, 'communicator');
    await slash('severity SEV2 card payments failing for some customers');
    await slash('hypothesis The payments deploy at 14:00 broke retries');
    await expect.poll(async () => (await drive.events(incident.id, 'HypothesisProposed')).length).toBe(1);

    // Stage 1: investigating.
    const first = await postDraftedUpdate();
    expect(first).toContain('What we know: The team is investigating.');
    // Stage 2: identified, after the status changes.
    await drive.clickOn({ channel: incident.channel, ts: incident.headerTs }, 'status.set', DANA, {
      selectedOption: 'identified',
    });
    await expect.poll(async () => (await drive.events(incident.id, 'StatusChanged')).length).toBe(1);
    const second = await postDraftedUpdate();
    expect(second).toContain('We have found the likely cause.');
    expect(await drive.events(incident.id, 'StakeholderUpdatePosted')).toHaveLength(2);
    await t.outboxSettled();
    expect(drive.posted(STAKEHOLDERS).map((c) => String(c.args.text))).toEqual([
      expect.stringContaining('The team is investigating'),
      expect.stringContaining('We have found the likely cause'),
    ]);

    // Resolve: the channel hears it, the draft goes to the postmortem channel with its file.
    await drive.resolve(incident, DANA, 'Rolled back the payments deploy');
    await expect.poll(async () => (await drive.events(incident.id, 'IncidentResolved')).length).toBe(1);
    await t.outboxSettled();
    expect(
      drive.posted(incident.channel).some((c) => String(c.args.text).includes('resolved by <@U0DANA>')),
    ).toBe(true);
    const summary = drive
      .posted(POSTMORTEMS)
      .find((c) => String(c.args.text).startsWith('Postmortem draft for'));
    expect(summary).toBeDefined();
    const file = [...t.slack.workspace.files.values()].find((f) => f.filename.startsWith('postmortem-inc-'));
    expect(file?.channel).toBe(POSTMORTEMS);
    const markdown = file?.content ?? '';
    for (const heading of POSTMORTEM_OUTLINE) expect(markdown).toContain(heading);
    const opened = eventTime((await drive.events(incident.id, 'IncidentOpened'))[0]);
    const resolved = eventTime((await drive.events(incident.id, 'IncidentResolved'))[0]);
    expect(markdown).toContain(`| Opened | ${utc(opened)} |`);
    expect(markdown).toContain(`| Resolved | ${utc(resolved)} |`);
    expect(markdown).toContain('Stakeholder updates: 2 posted');
    expect(markdown).toContain('The payments deploy at 14:00 broke retries');

    // The postmortem clock: halfway, then at the deadline, in the commander's working hours.
    const timers = placedTimers(queue, t.clock);
    const reminded = (n: number) => async () =>
      (await drive.events(incident.id, 'PostmortemReminded')).length >= n;
    const held = [
      await timers.runPlaced('postmortem-reminder-1', DANA_ZONE, reminded(1)),
      await timers.runPlaced('postmortem-reminder-2', DANA_ZONE, reminded(2)),
    ];
    expect(held).toEqual([{ heldUntil: null }, { heldUntil: null }]);
    const reminders = await drive.events(incident.id, 'PostmortemReminded');
    expect(eventTime(reminders[0]) - resolved).toBeGreaterThanOrEqual(1_500);
    expect(eventTime(reminders[1]) - resolved).toBeGreaterThanOrEqual(3_000);

    // The meeting: two follow-ups are refused with the reason, three are accepted.
    const answers = {
      'answer.whatHappened': { text: { value: 'A deploy removed payment retries.' } },
      'answer.whyNotDetectedSooner': { text: { value: 'No alert on the payment error rate.' } },
      'answer.whyResponseTookSoLong': { text: { value: 'It did not; the rollback was quick.' } },
      'answer.whatWeChange': { text: { value: 'Alert, canary, runbook.' } },
    };
    const slot = (rank: number, title: string, owner: string, due: string) => ({
      [`followup${rank}.title`]: { text: { value: title } },
      [`followup${rank}.owner`]: { user: { type: 'users_select', selected_user: owner } },
      [`followup${rank}.due`]: { date: { type: 'datepicker', selected_date: due } },
    });
    const meeting = await drive.modalAfter(() => slash('postmortem'));
    const two = await meeting.submit(DANA, {
      ...answers,
      ...slot(1, 'Alert on payment error rate', ALEX, '2099-01-10'),
      ...slot(2, 'Canary the payments service', SAM, '2099-01-20'),
    });
    expect(two).toMatchObject({
      response_action: 'errors',
      errors: { 'followup3.title': expect.stringContaining('exactly three follow-ups') },
    });
    expect(await drive.events(incident.id, 'PostmortemRecorded')).toEqual([]);
    const three = await meeting.submit(DANA, {
      ...answers,
      ...slot(1, 'Alert on payment error rate', ALEX, '2099-01-10'),
      ...slot(2, 'Canary the payments service', SAM, '2099-01-20'),
      ...slot(3, 'Runbook for payment retries', DANA, '2099-01-30'),
    });
    expect(three).toEqual({});
    expect((await drive.incidentRow(incident.id)).status).toBe('closed');
    await t.outboxSettled();
    expect(
      drive.posted(POSTMORTEMS).some((c) => String(c.args.text).startsWith('Postmortem recorded for')),
    ).toBe(true);
    // The postmortem reminders stopped; each follow-up has its reminder instead.
    await expect
      .poll(async () =>
        (await queue.getDelayed())
          .map((j) => (j.data as { key?: string }).key)
          .filter(Boolean)
          .sort(),
      )
      .toEqual(expect.arrayContaining([expect.stringMatching(/^follow-up-.+-before$/)]));
    const keys = (await queue.getDelayed()).map((j) => (j.data as { key?: string }).key ?? '');
    expect(keys.filter((k) => k.startsWith('postmortem-reminder'))).toEqual([]);

    // The weekly review lists the three open follow-ups.
    await queue.add(WEEKLY_REVIEW_JOB, {});
    const review = await t.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === POSTMORTEMS && String(c.args.text).startsWith('Weekly follow-up review'),
    );
    expect(String(review.args.text)).toContain('3 open follow-ups');
    const reviewText = JSON.stringify(review.args.blocks);
    for (const title of [
      'Alert on payment error rate',
      'Canary the payments service',
      'Runbook for payment retries',
    ])
      expect(reviewText).toContain(title);

    // Follow-ups: done from the recorded postmortem, dropped (with a reason) from the review's menu.
    const record = drive
      .posted(POSTMORTEMS)
      .find((c) => String(c.args.text).startsWith('Postmortem recorded for'));
    const doneValue =
      ((record?.args.blocks ?? []) as { elements?: { action_id: string; value?: string }[] }[])
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.action_id === 'followup.done')?.value ?? '';
    const doneUrl = t.slack.responseUrl();
    await drive.clickOn({ channel: POSTMORTEMS, ts: String(record?.response.ts) }, 'followup.done', ALEX, {
      value: doneValue,
      responseUrl: doneUrl,
    });
    expect(await drive.toldAt(doneUrl)).toContain('Marked done: Alert on payment error rate');
    const menu = (
      review.args.blocks as { accessory?: { options: { value: string; text: { text: string } }[] } }[]
    )
      .flatMap((b) => b.accessory?.options ?? [])
      .find((o) => o.text.text.startsWith('Drop: #2'));
    const drop = await drive.modalAfter(() =>
      drive.clickOn({ channel: POSTMORTEMS, ts: String(review.response.ts) }, 'followup.choose', SAM, {
        selectedOption: menu?.value ?? '',
      }),
    );
    expect(await drop.submit(SAM, { reason: { text: { value: '  ' } } })).toMatchObject({
      response_action: 'errors',
    });
    expect(
      await drop.submit(SAM, { reason: { text: { value: 'The canary platform is being replaced' } } }),
    ).toEqual({});
    expect((await drive.events(incident.id, 'FollowUpCompleted')).length).toBe(1);
    const dropped = await drive.events(incident.id, 'FollowUpDropped');
    expect((dropped[0]?.payload as { reason?: string } | undefined)?.reason).toBe(
      'The canary platform is being replaced',
    );

    // The figures count this incident.
    const figures = await drive.slash('stats', SAM);
    expect(figures).toContain('*Last 30 days*: 1 incident (');
    expect(figures).toContain('Update cadence kept: 100% (1 of 1)');
  });
});
