import { describe, expect, it } from 'vitest';
import { recordClosedIncident } from '../support/closed-incident.js';
import { TEAM, useBot } from '../support/incident-driver.js';

const DANA = 'U0DANA';
const ALEX = 'U0ALEX';

describe('"broke twice": a second incident on the same service within 90 days', () => {
  const { t, drive } = useBot({ env: { DIAGNOSIS_HOLD: 'PT0S' } });

  /** Dana clicks "Record the postmortem" for the incident, on its draft in the postmortem channel. */
  const postmortemForm = (incidentId: string) =>
    drive.modalAfter(() =>
      drive.clickOn({ channel: 'C0POSTMORTEMS', ts: '1.1' }, 'postmortem.record', DANA, {
        value: incidentId,
      }),
    );

  it('shows the earlier follow-ups in the postmortem modal and requires a control', async () => {
    await recordClosedIncident(t, {
      teamId: TEAM,
      commander: DANA,
      title: 'Checkout down after a config push',
      service: 'Checkout',
      daysAgo: 40,
      followUps: [
        {
          id: 'e1',
          title: 'Validate config before push',
          owner: ALEX,
          due: '2026-10-30',
          rank: 1,
          control: false,
        },
        {
          id: 'e2',
          title: 'Document the push process',
          owner: DANA,
          due: '2026-11-05',
          rank: 2,
          control: false,
        },
        { id: 'e3', title: 'Review on-call rota', owner: DANA, due: '2026-11-10', rank: 3, control: false },
      ],
    });
    // Another service's incident does not count.
    await recordClosedIncident(t, {
      teamId: TEAM,
      commander: DANA,
      title: 'Search slow',
      service: 'search',
      until: 'resolved',
      followUps: [],
    });
    const second = await recordClosedIncident(t, {
      teamId: TEAM,
      commander: DANA,
      title: 'Checkout errors again',
      service: 'checkout',
      daysAgo: 0,
      until: 'resolved',
      followUps: [],
    });

    const modal = await postmortemForm(second);
    const view = JSON.stringify(modal.view);
    expect(view).toContain('checkout broke before');
    expect(view).toContain('Validate config before push');
    expect(view).toContain('must be a *control*');
    expect(view).not.toContain('Search slow');

    const answers = {
      'answer.whatHappened': { text: { value: 'The config push broke checkout again.' } },
      'answer.whyNotDetectedSooner': { text: { value: 'No validation.' } },
      'answer.whyResponseTookSoLong': { text: { value: 'Finding the push took time.' } },
      'answer.whatWeChange': { text: { value: 'Validate and alert.' } },
    };
    const slot = (rank: number, title: string, control: boolean) => ({
      [`followup${rank}.title`]: { text: { value: title } },
      [`followup${rank}.owner`]: { user: { type: 'users_select', selected_user: ALEX } },
      [`followup${rank}.due`]: { date: { type: 'datepicker', selected_date: '2099-02-01' } },
      [`followup${rank}.control`]: {
        control: { type: 'checkboxes', selected_options: control ? [{ value: 'control' }] : [] },
      },
    });
    const noControl = await modal.submit(DANA, {
      ...answers,
      ...slot(1, 'Config validation in CI', false),
      ...slot(2, 'Push process doc', false),
      ...slot(3, 'Rota review', false),
    });
    expect(JSON.stringify(noControl)).toContain('mark at least one follow-up as a control');
    expect(await drive.events(second, 'PostmortemRecorded')).toEqual([]);

    const withControl = await modal.submit(DANA, {
      ...answers,
      ...slot(1, 'Config validation in CI', true),
      ...slot(2, 'Push process doc', false),
      ...slot(3, 'Rota review', false),
    });
    expect(withControl).toEqual({});
    const recorded = await drive.events(second, 'PostmortemRecorded');
    expect(
      (recorded[0]?.payload as { followUps?: { control: boolean }[] } | undefined)?.followUps?.map(
        (f) => f.control,
      ),
    ).toEqual([true, false, false]);
  });

  it('asks for no control when the service has no earlier incident', async () => {
    const lone = await recordClosedIncident(t, {
      teamId: TEAM,
      commander: DANA,
      title: 'Billing export stuck',
      service: 'billing',
      daysAgo: 0,
      until: 'resolved',
      followUps: [],
    });
    expect(JSON.stringify((await postmortemForm(lone)).view)).not.toContain('broke before');
  });
});
