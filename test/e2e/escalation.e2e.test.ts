import { describe, expect, it } from 'vitest';
import {
  eventTime as at,
  type DrivenIncident,
  type IncidentDriver,
  TRIAGE_FOR,
  useBot,
} from '../support/incident-driver.js';
import { openTimersQueue, pendingTimerKeys } from '../support/pending-timers.js';

/** The policy's "later" in these tests: ESCALATE_AFTER, shortened. */
const ESCALATE_MS = 4_000;
/** The commander and a responder; the senior engineer and the VP the bot escalates to. */
const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
const SENIOR = 'U0SENIOR';
const VP = 'U0VP';
const ESCALATION = { ESCALATION_SENIOR: SENIOR, ESCALATION_EXEC: VP };
/** The bot's settings here: no hold and no update nudges to crowd the channel; `escalateAfter` as given. */
const envWith = (escalateAfter: string) => ({
  DIAGNOSIS_HOLD: 'PT0S',
  ESCALATE_AFTER: escalateAfter,
  UPDATE_CADENCE: 'SEV1=PT0S,SEV2=PT0S',
  ...ESCALATION,
});

/** Opens an incident at a severity from the triage form (its service named after its title). */
const openAt = (
  drive: IncidentDriver,
  title: string,
  severity: keyof typeof TRIAGE_FOR,
  by = DANA,
  flags: 'drill'[] = [],
): Promise<DrivenIncident> =>
  drive.openFromForm(title, by, {
    service: title.toLowerCase().replace(/\W+/g, '-'),
    flags,
    triage: TRIAGE_FOR[severity],
  });

/**
 * The default escalation policy end to end, with ESCALATE_AFTER shortened: each severity's row,
 * a drill, and the monitoring wording. Incidents open at their severity from the triage form, so
 * no row is raced by the unclassified (SEV2) timers.
 */
describe('the escalation policy, row by row', () => {
  const { t, drive } = useBot({ env: envWith(`PT${ESCALATE_MS / 1000}S`) });
  const vpDm = () => t.slack.workspace.imWith(VP).id;
  const escalations = async (incident: DrivenIncident) =>
    (await drive.events(incident.id, 'IncidentEscalated')).map((row) => ({
      at: at(row),
      audiences: (row.payload as { audiences: string[] }).audiences,
    }));
  const pages = (incident: DrivenIncident) =>
    drive.posted(incident.channel).filter((c) => String(c.args.text).includes('needs a senior engineer'));
  /** The VP briefs about this incident (they link its channel) in a conversation. */
  const briefsAbout = (incident: DrivenIncident, channel: string) =>
    drive
      .posted(channel)
      .filter(
        (c) =>
          String(c.args.text).includes('is escalated to you') &&
          JSON.stringify(c.args.blocks).includes(`<#${incident.channel}>`),
      );
  const invitedSenior = (incident: DrivenIncident) =>
    t.slack
      .callsTo('conversations.invite')
      .some((c) => c.args.channel === incident.channel && String(c.args.users).includes(SENIOR));
  const open = async (title: string, severity: keyof typeof TRIAGE_FOR, flags: 'drill'[] = []) => {
    const incident = await openAt(drive, title, severity, DANA, flags);
    const opened = at((await drive.events(incident.id, 'IncidentOpened'))[0]);
    return { incident, opened };
  };
  const escalatedTimes = (incident: DrivenIncident, n: number) =>
    expect.poll(async () => (await escalations(incident)).length, { timeout: 15_000 }).toBe(n);

  it('SEV1 tells the VP at opening, and pages the senior engineer later', async () => {
    const { incident, opened } = await open('Every checkout failing', 'SEV1');
    await escalatedTimes(incident, 2);
    const [toVp, toSenior] = await escalations(incident);
    expect(toVp?.audiences).toEqual(['exec']);
    expect(toSenior?.audiences).toEqual(['senior']);
    expect(Math.abs((toVp?.at ?? 0) - opened)).toBeLessThan(2_000);
    expect(Math.abs((toSenior?.at ?? 0) - (opened + ESCALATE_MS))).toBeLessThan(2_000);
    await t.outboxSettled();
    expect(briefsAbout(incident, vpDm())).toHaveLength(1);
    expect(pages(incident)).toHaveLength(1);
    expect(String(pages(incident)[0]?.args.text)).toContain(`<@${SENIOR}>`);
    expect(invitedSenior(incident)).toBe(true);
  });

  it('SEV2 pages the senior engineer and tells the VP together, later, once', async () => {
    const { incident, opened } = await open('Card payments failing in one region', 'SEV2');
    await escalatedTimes(incident, 1);
    const [both] = await escalations(incident);
    expect(both?.audiences).toEqual(['senior', 'exec']);
    expect(Math.abs((both?.at ?? 0) - (opened + ESCALATE_MS))).toBeLessThan(2_000);
    await t.outboxSettled();
    expect(pages(incident)).toHaveLength(1);
    const brief = briefsAbout(incident, vpDm());
    expect(brief).toHaveLength(1);
    const blocks = JSON.stringify(brief[0]?.args.blocks);
    for (const fact of ['SEV2 (major)', 'Investigating', 'no update posted yet', '*What is asked of you*'])
      expect(blocks).toContain(fact);
    // Both timers were due together; the second found its audience told.
    const queue = openTimersQueue(t.queuePrefix);
    try {
      expect((await pendingTimerKeys(queue)).filter((key) => key.startsWith('escalation'))).toEqual([]);
    } finally {
      await queue.close();
    }
  });

  it('SEV3 pages only the senior engineer; the VP hears nothing', async () => {
    const { incident } = await open('Search results stale', 'SEV3');
    await escalatedTimes(incident, 1);
    expect((await escalations(incident))[0]?.audiences).toEqual(['senior']);
    await t.outboxSettled();
    expect(pages(incident)).toHaveLength(1);
    expect(briefsAbout(incident, vpDm())).toEqual([]);
    expect(await drive.types(incident.id)).toContain('IncidentEscalated');
  });

  it('SEV4 escalates to nobody: no escalation timer is ever queued, and /incident timers says none', async () => {
    const { incident } = await open('Favicon missing', 'SEV4');
    await t.outboxSettled();
    const queue = openTimersQueue(t.queuePrefix);
    try {
      const keys = await pendingTimerKeys(queue);
      expect(keys.filter((key) => key.startsWith('escalation'))).toEqual([]);
    } finally {
      await queue.close();
    }
    expect(await drive.slash('timers', DANA, incident.channel)).not.toContain('Escalation');
    expect(await escalations(incident)).toEqual([]);
  });

  it('a drill is labelled and heard by the commander only: no page, no invite, no DM to the VP', async () => {
    const { incident } = await open('Drill: checkout down', 'SEV1', ['drill']);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await escalatedTimes(incident, 2);
    await t.outboxSettled();
    expect(briefsAbout(incident, vpDm())).toEqual([]);
    expect(invitedSenior(incident)).toBe(false);
    // The VP's message at opening came before anyone was commander: it went to the channel.
    const drillMessages = [
      ...drive.posted(incident.channel),
      ...drive.posted(t.slack.workspace.imWith(DANA).id),
    ].filter((c) => String(c.args.text).startsWith('DRILL — no action needed.'));
    expect(drillMessages.length).toBe(2);
    for (const message of drillMessages) {
      expect(JSON.stringify(message.args)).not.toContain(SENIOR);
      expect(JSON.stringify(message.args.blocks)).toContain('*DRILL — no action needed.*');
    }
    expect(JSON.stringify(pages(incident)[0]?.args.blocks)).toContain(`<@${DANA}>: this is the page`);
  });

  it('an incident monitoring a fix is "recovering, monitoring a fix", not "unresolved"', async () => {
    const { incident } = await open('Uploads slow', 'SEV4');
    await drive.click(incident, 'status.set', DANA, { selectedOption: 'monitoring' });
    await expect.poll(async () => (await drive.events(incident.id, 'StatusChanged')).length).toBe(1);
    // Raised to SEV3 once the fix is in: the senior engineer's row applies, its time already past.
    await drive.slash('severity SEV3 a second region reported it', DANA, incident.channel);
    await escalatedTimes(incident, 1);
    await t.outboxSettled();
    const page = JSON.stringify(pages(incident)[0]?.args.blocks);
    expect(page).toContain('Recovering, monitoring a fix.');
    expect(page).toContain('A fix has been in place since');
    expect(page).toContain('confirm that the fix holds');
    expect(page).not.toMatch(/unresolved/i);
  });
});

describe('/incident escalate', () => {
  const { t, drive } = useBot({ env: envWith('PT1H') });
  const escalationTimers = async () => {
    const queue = openTimersQueue(t.queuePrefix);
    try {
      return (await pendingTimerKeys(queue)).filter((key) => key.startsWith('escalation'));
    } finally {
      await queue.close();
    }
  };

  it('escalates now with a reason: pages, tells the VP, records who and why, cancels the timers', async () => {
    const incident = await openAt(drive, 'Payments declined', 'SEV2', DANA);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await expect.poll(escalationTimers).toEqual(['escalation-exec', 'escalation-senior']);

    const reason = 'Need a decision on telling customers <now> & a DBA';
    const answer = await drive.slash(`escalate ${reason}`, DANA, incident.channel);
    expect(answer).toBe(
      'Escalated: the senior engineer is paged into this channel, and the VP of Engineering is told by direct message. Your reason is in the messages and on the timeline.',
    );
    expect(await drive.lastPayload(incident.id, 'IncidentEscalated')).toMatchObject({
      by: DANA,
      reason,
      audiences: ['senior', 'exec'],
      beyondPolicy: false,
    });
    await expect.poll(escalationTimers).toEqual([]);
    await t.outboxSettled();
    const escaped = 'Need a decision on telling customers &lt;now&gt; &amp; a DBA';
    const brief = JSON.stringify(drive.posted(t.slack.workspace.imWith(VP).id).at(-1)?.args.blocks);
    expect(brief).toContain(`<@${DANA}> asks: “${escaped}”`);
    const page = drive
      .posted(incident.channel)
      .find((c) => String(c.args.text).includes('needs a senior engineer'));
    expect(JSON.stringify(page?.args.blocks)).toContain(`who asks: “${escaped}”`);
  });

  it('escalates a SEV4 to everyone, saying the policy would not have', async () => {
    const incident = await openAt(drive, 'Typo on pricing page', 'SEV4', ALEX);
    const answer = await drive.slash('escalate', ALEX, incident.channel);
    expect(answer).toContain(
      'The escalation policy escalates nobody at SEV4; because you asked, both are told',
    );
    await t.outboxSettled();
    const brief = JSON.stringify(drive.posted(t.slack.workspace.imWith(VP).id).at(-1)?.args.blocks);
    expect(brief).toContain('The escalation policy escalates nobody at SEV4');
    expect(brief).toContain(`Nothing is asked of you yet: <@${ALEX}> escalated without saying why.`);
  });

  it('in a drill, the commander alone hears both messages, labelled', async () => {
    const vpBefore = drive.posted(t.slack.workspace.imWith(VP).id).length;
    const invitesBefore = t.slack.callsTo('conversations.invite').length;
    const incident = await openAt(drive, 'Drill: login down', 'SEV2', DANA, ['drill']);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await expect.poll(async () => (await drive.state(incident.id)).roles?.commander).toBe(DANA);
    expect(await drive.slash('escalate practising the call', DANA, incident.channel)).toContain(
      'Escalated, as a drill: nobody real is paged or told.',
    );
    await t.outboxSettled();
    const toDana = drive.posted(t.slack.workspace.imWith(DANA).id).at(-1);
    expect(String(toDana?.args.text)).toMatch(/^DRILL — no action needed\. INC-\d+ is escalated to you/);
    const page = drive
      .posted(incident.channel)
      .find((c) => String(c.args.text).includes('needs a senior engineer'));
    expect(String(page?.args.text)).toMatch(/^DRILL — no action needed\./);
    expect(JSON.stringify(page?.args)).not.toContain(SENIOR);
    expect(drive.posted(t.slack.workspace.imWith(VP).id)).toHaveLength(vpBefore);
    const invites = t.slack.callsTo('conversations.invite').slice(invitesBefore);
    expect(invites.some((c) => String(c.args.users).includes(SENIOR))).toBe(false);
  });

  it('an escalated SEV3 resolves with a postmortem required, though nobody ticked the box', async () => {
    const incident = await openAt(drive, 'Reports export slow', 'SEV3', DANA);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await drive.slash('escalate the export queue keeps growing', DANA, incident.channel);
    await expect.poll(async () => (await drive.events(incident.id, 'IncidentEscalated')).length).toBe(1);
    // The form does not ask: the postmortem is owed.
    const form = await drive.modalAfter(() => drive.click(incident, 'incident.resolve', DANA));
    const blocks = JSON.stringify(form.view.blocks);
    expect(blocks).not.toContain('Hold a postmortem for this one');
    expect(blocks).toContain('This incident escalated, so it gets a postmortem');
    expect(await form.submit(DANA, { summary: { text: { value: 'Scaled the export workers' } } })).toEqual(
      {},
    );
    await expect.poll(async () => (await drive.events(incident.id, 'IncidentResolved')).length).toBe(1);
    expect(await drive.lastPayload(incident.id, 'IncidentResolved')).toMatchObject({
      postmortemRequired: true,
    });
    await t.outboxSettled();
    expect(
      drive.posted(incident.channel).some((c) => String(c.args.text).startsWith('Postmortem draft for')),
    ).toBe(true);
  });

  it('refuses politely on a resolved incident, and outside an incident channel asks which one', async () => {
    const incident = await openAt(drive, 'Banner wrong colour', 'SEV4', DANA);
    await drive.click(incident, 'role.take', DANA, 'commander');
    await drive.resolve(incident, DANA, 'Fixed the CSS');
    await expect.poll(async () => (await drive.events(incident.id, 'IncidentResolved')).length).toBe(1);
    expect(await drive.slash('escalate still odd', DANA, incident.channel)).toBe(
      'This incident is resolved, so you cannot escalate it now; reopen it first with a reason.',
    );
    const elsewhere = await drive.slash('escalate', DANA, 'C0GENERAL');
    expect(elsewhere).toContain(
      'This channel is not an incident channel. Run `/incident escalate` in the channel',
    );
  });
});
