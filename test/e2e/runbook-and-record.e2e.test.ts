import { beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpInput } from '../../src/domain/index.js';
import { recordClosedIncident } from '../support/closed-incident.js';
import { TEAM, useBot } from '../support/incident-driver.js';

const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
const POSTMORTEMS = 'C0POSTMORTEMS';
const RUNBOOK = 'https://wiki.example.com/runbooks/checkout?section=rollback&v=2';
const HOLD_MS = 2_000;

/** Three follow-ups owned by Alex, due last month, still open. */
const threeFollowUps = (prefix: string, titles: [string, string, string]): FollowUpInput[] =>
  titles.map((title, i) => ({
    id: `${prefix}${i + 1}`,
    title,
    owner: ALEX,
    due: `2026-05-2${i}`,
    rank: (i + 1) as 1 | 2 | 3,
    control: i === 0,
  }));

/**
 * Runbooks, "broke twice" said early, and the final postmortem record, through Slack: a runbook
 * recorded for checkout, a checkout incident 40 days earlier with a follow-up still open, and a
 * new checkout incident from its hold to its exported final record.
 */
describe('runbooks, broke twice early, and the final postmortem record', () => {
  const { t, drive } = useBot({
    clockStartsAt: '2026-06-16T10:00:00+02:00',
    env: {
      DIAGNOSIS_HOLD: `PT${HOLD_MS / 1000}S`,
      POSTMORTEM_CHANNEL: POSTMORTEMS,
      UPDATE_CADENCE: 'SEV1=PT0S',
    },
  });

  beforeAll(async () => {
    t.slack.addChannel({ id: POSTMORTEMS, name: 'postmortems' });
    t.slack.workspace.addUser({ id: DANA, name: 'Dana Reyes', tz: 'Europe/Paris' });
    t.slack.workspace.addUser({ id: ALEX, name: 'Alex Kim' });
  });

  it('records a runbook (https only) and lists it', async () => {
    expect(await drive.slash('runbook checkout http://wiki.example.com/checkout', DANA)).toContain(
      'must be a web address starting with https://',
    );
    expect(await drive.slash(`runbook Checkout ${RUNBOOK}`, DANA)).toContain(
      'Recorded the runbook for *Checkout*',
    );
    const listed = await drive.slash('runbook', ALEX);
    expect(listed).toContain('*Runbooks* (1):');
    expect(listed).toContain(`*Checkout*: <${RUNBOOK.replace('&', '&amp;')}|`);
  });

  it('shows the runbook and what broke before on the header and when the hold ends, then asks about it in the postmortem', async () => {
    await recordClosedIncident(t, {
      teamId: TEAM,
      commander: DANA,
      title: 'Checkout down after a config push',
      service: 'checkout',
      daysAgo: 40,
      followUps: threeFollowUps('e', ['Validate config', 'Alert on checkout errors', 'Rota review']),
    });
    // A private incident on the same service is not said in a channel whose readers may not see it.
    await recordClosedIncident(t, {
      teamId: TEAM,
      commander: DANA,
      title: 'Checkout card skimming',
      service: 'checkout',
      daysAgo: 20,
      private: true,
      followUps: threeFollowUps('s', ['Secret fix', 'Secret alert', 'Secret review']),
    });
    const incident = await drive.openFromForm('Checkout errors again', DANA, {
      service: 'checkout',
      flags: [],
    });
    await drive.click(incident, 'role.take', DANA, 'commander');
    await t.outboxSettled();

    const header = drive.header(incident);
    expect(header).toContain('Runbook for Checkout');
    expect(header).toContain(RUNBOOK.replace('&', '&amp;'));
    expect(header).toContain('checkout broke before');
    expect(header).toContain('INC-1, 40 days ago: no cause recorded; follow-ups 1, 2, 3 still open');
    expect(header).not.toContain('INC-2');

    await expect
      .poll(async () => (await drive.events(incident.id, 'HoldEnded')).length, { timeout: 10_000 })
      .toBe(1);
    await t.outboxSettled();
    const holdEnd = drive
      .posted(incident.channel)
      .find((c) => String(c.args.text).includes('diagnosis hold is over'));
    const said = JSON.stringify(holdEnd?.args.blocks);
    expect(said).toContain('Runbook for Checkout');
    expect(said).toContain('INC-1, 40 days ago');
    expect(said).not.toContain('INC-2');

    await drive.resolve(incident, DANA, 'Rolled back the config push');
    await t.outboxSettled();
    const draftFile = [...t.slack.workspace.files.values()].find((f) => f.filename === 'postmortem-inc-3.md');
    expect(draftFile?.content).toContain(`The runbook for Checkout: ${RUNBOOK}`);
    expect(draftFile?.content).toContain('_To discuss: Was there a runbook, and did it help?_');
    expect(draftFile?.content).toContain('Dana Reyes became commander');
    expect(draftFile?.content).not.toContain('U0DANA');

    const meeting = await drive.modalAfter(() => drive.command('postmortem', DANA, incident.channel));
    const form = JSON.stringify(meeting.view);
    expect(form).toContain('Was there a runbook, and did it help?');
    expect(form).toContain(`The runbook for checkout: ${RUNBOOK}`);
    expect(form).toContain('A runbook follow-up');

    const slot = (rank: number, title: string, kinds: string[]) => ({
      [`followup${rank}.title`]: { text: { value: title } },
      [`followup${rank}.owner`]: { user: { type: 'users_select', selected_user: ALEX } },
      [`followup${rank}.due`]: { date: { type: 'datepicker', selected_date: '2099-02-01' } },
      [`followup${rank}.control`]: {
        control: { type: 'checkboxes', selected_options: kinds.map((value) => ({ value })) },
      },
    });
    const answer = (text: string) => ({ text: { value: text } });
    expect(
      await meeting.submit(DANA, {
        'answer.whatHappened': answer('A config push broke checkout again.'),
        'answer.whyNotDetectedSooner': answer('No config validation alert.'),
        'answer.whyResponseTookSoLong': answer('Finding the push took time.'),
        'answer.whatWeChange': answer('Validate config and make the runbook one step.'),
        'answer.runbook': answer('Yes; its rollback section was out of date.'),
        'answer.gotLucky': answer('It was a quiet hour.'),
        ...slot(1, 'Config validation in CI', ['control']),
        ...slot(2, 'Fix the runbook rollback section', ['runbook']),
        ...slot(3, 'Rota review', []),
      }),
    ).toEqual({});
    const recorded = await drive.lastPayload(incident.id, 'PostmortemRecorded');
    expect(recorded.answers).toMatchObject({ runbook: 'Yes; its rollback section was out of date.' });
    expect((recorded.followUps as { runbook?: boolean }[]).map((f) => f.runbook ?? false)).toEqual([
      false,
      true,
      false,
    ]);

    // The final record: one document, in the draft's thread.
    await t.outboxSettled();
    const draftSummary = drive
      .posted(POSTMORTEMS)
      .find((c) => String(c.args.text).startsWith('Postmortem draft for INC-3'));
    const draftTs = (draftSummary?.response as { ts?: string } | undefined)?.ts;
    const final = [...t.slack.workspace.files.values()].find(
      (f) => f.filename === 'postmortem-inc-3-final.md',
    );
    expect(final?.channel).toBe(POSTMORTEMS);
    expect(final?.content).toContain('Yes; its rollback section was out of date.');
    expect(final?.content).toContain(
      '| 2 | Fix the runbook rollback section | Alex Kim | 2099-02-01 | no | yes | open |',
    );
    expect(final?.content).not.toContain('To discuss');
    const uploadOf = (fileId: string | undefined) =>
      t.slack
        .callsTo('files.completeUploadExternal')
        .filter((c) => fileId !== undefined && JSON.stringify(c.args.files).includes(fileId));
    expect(uploadOf(final?.id).map((c) => c.args.thread_ts)).toEqual([draftTs]);

    // Exported again where it is asked for.
    expect(await drive.slash('postmortem export', ALEX, incident.channel)).toContain(
      'Sending the final postmortem record',
    );
    await t.outboxSettled();
    const exported = [...t.slack.workspace.files.values()].filter(
      (f) => f.filename === 'postmortem-inc-3-final.md' && f.channel === incident.channel,
    );
    expect(exported).toHaveLength(1);
    expect(exported[0]?.content).toBe(final?.content);
    expect(await drive.types(incident.id)).toContain('PostmortemExported');
  });
});
