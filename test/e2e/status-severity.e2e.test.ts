import { describe, expect, it } from 'vitest';
import { useBotWithIncident } from '../support/incident-driver.js';

const DANA = 'U0DANA';

describe('status and severity from the header', () => {
  const { t, drive, incident } = useBotWithIncident('Uploads failing', DANA);

  /** Dana clicks a header button (or picks `selectedOption` in its menu) and a modal opens. */
  const modalFrom = (actionId: string, selectedOption?: string) =>
    drive.modalAfter(() => drive.click(incident, actionId, DANA, { selectedOption }));

  const row = () => drive.incidentRow(incident.id);

  it('offers "Classify severity" while pending, and classifies from the triage answers', async () => {
    expect(drive.header(incident)).toContain('Classify severity');
    const modal = await modalFrom('severity.classify');
    const answer = (value: string) => ({ answer: { type: 'static_select', selected_option: { value } } });
    expect(
      await modal.submit(DANA, {
        'triage.customerImpact': answer('some'),
        'triage.criticalPathDown': answer('yes'),
        'triage.dataAtRisk': answer('no'),
        'triage.workaroundExists': answer('no'),
      }),
    ).toEqual({});
    expect((await row()).severity).toBe('SEV2');
  });

  it('changes the severity with a reason, from the picker', async () => {
    expect(await (await modalFrom('severity.set', 'SEV1')).submitText(DANA, '')).toMatchObject({
      response_action: 'errors',
    });
    expect(await (await modalFrom('severity.set', 'SEV1')).submitText(DANA, 'Every region now')).toEqual({});
    expect((await row()).severity).toBe('SEV1');
    expect(await drive.lastPayload(incident.id, 'SeverityChanged')).toMatchObject({
      from: 'SEV2',
      to: 'SEV1',
      reason: 'Every region now',
    });
  });

  it('moves the status from the picker', async () => {
    await drive.click(incident, 'status.set', DANA, { selectedOption: 'identified' });
    await expect.poll(async () => (await row()).status).toBe('identified');
    await t.outboxSettled();
    expect(drive.header(incident)).toContain('*Status*\\nIdentified');
  });

  it('resolves through the modal with a summary, by the commander only', async () => {
    await drive.click(incident, 'role.take', DANA, 'commander');
    await expect.poll(async () => (await drive.events(incident.id, 'RoleAssigned')).length).toBe(1);

    const refused = t.slack.responseUrl();
    await drive.click(incident, 'incident.resolve', 'U0OTHER', { responseUrl: refused });
    expect(await drive.toldAt(refused)).toContain('Only the commander (<@U0DANA>) can resolve');

    const fromCommand = await drive.modalAfter(() =>
      drive.command('resolve', DANA, incident.channel, { responseUrl: t.slack.responseUrl() }),
    );
    expect(await fromCommand.submit(DANA, { summary: { text: { value: ' ' } } })).toMatchObject({
      response_action: 'errors',
      errors: { summary: expect.stringContaining('resolution summary') },
    });
    const fromButton = await modalFrom('incident.resolve');
    // A second ago by the bot's clock: the picker's time is checked against the bot's now.
    const impactEnded = Math.floor(t.clock.now().getTime() / 1000) - 1;
    expect(
      await fromButton.submit(DANA, {
        summary: { text: { value: 'Rolled back the upload service' } },
        impact_ended: { at: { type: 'datetimepicker', selected_date_time: impactEnded } },
      }),
    ).toEqual({});
    expect((await row()).status).toBe('resolved');
    const resolved = await drive.lastPayload(incident.id, 'IncidentResolved');
    expect(resolved).toMatchObject({
      summary: 'Rolled back the upload service',
      postmortemRequired: true,
      asCommander: true,
    });
    const ended = Date.parse(String(resolved.impactEndedAt));
    expect(Math.abs(ended - impactEnded * 1000)).toBeLessThan(60_000);
    await t.outboxSettled();
    const header = drive.header(incident);
    expect(header).toContain('Resolved');
    expect(header).not.toContain('incident.resolve');
  });
});
