import { beforeAll, describe, expect, it } from 'vitest';
import { recordClosedIncident } from '../support/closed-incident.js';
import { TEAM, useBotWithIncident } from '../support/incident-driver.js';
import { blockActionPayload, viewSubmissionPayload } from '../support/slack-payloads.js';
import { sendInteraction } from '../support/slack-requests.js';

const DANA = 'U0DANA';

describe('the App Home', () => {
  const { t, drive, incident } = useBotWithIncident('Public outage', 'U0REP');

  beforeAll(async () => {
    await drive.click(incident, 'role.take', DANA, 'commander');
    for (const text of ['hypothesis Bad config push', 'action Revert the config push'])
      await drive.slash(text, DANA, incident.channel);
    // A private incident that only its reporter took part in.
    const select = (value: string) => ({ answer: { selected_option: { value } } });
    await sendInteraction(
      t.target,
      viewSubmissionPayload({
        callbackId: 'incident.open',
        userId: 'U0SEC',
        teamId: TEAM,
        privateMetadata: JSON.stringify({ channel: '', duplicateAcknowledged: false }),
        values: {
          title: { text: { value: 'Secret security matter' } },
          service: { text: { value: '' } },
          'triage.customerImpact': select('none'),
          'triage.criticalPathDown': select('no'),
          'triage.dataAtRisk': select('yes'),
          'triage.workaroundExists': select('yes'),
          flags: { flags: { selected_options: [{ value: 'private' }] } },
        },
      }),
    );
    // The modal's submission is decided before Slack gets its answer: the incident exists now.
    if ((await t.db.selectFrom('incidents').select('id').execute()).length !== 2)
      throw new Error('private incident not opened');
    await t.slack.waitForCalls('pins.add', 2);
    await t.outboxSettled();
  });

  const home = (userId: string, eventId: string) => drive.openHome(userId, eventId);

  it('shows the viewer their roles and open actions, and every open incident they may see', async () => {
    const view = await home(DANA, 'Ev0HOME1');
    expect(view).toContain('Commander of *INC-1*');
    expect(view).toContain('Revert the config push');
    expect(view).toContain('Public outage');
    expect(view).not.toContain('Secret security matter');
  });

  it('shows a private incident only to the people in it', async () => {
    expect(await home('U0SEC', 'Ev0HOME2')).toContain('Secret security matter');
  });

  it('opens the triage modal from its button', async () => {
    await sendInteraction(t.target, {
      ...blockActionPayload({
        actionId: 'home.open',
        userId: DANA,
        channelId: 'C0HOME',
        messageTs: '1.1',
        teamId: TEAM,
        triggerId: '7.7.7',
      }),
      container: { type: 'view', view_id: 'V1' },
    });
    const opened = await t.slack.waitForCall('views.open', (c) => c.args.trigger_id === '7.7.7');
    expect(opened.args.view).toMatchObject({ callback_id: 'incident.open' });
  });

  it('lists the viewer’s open follow-ups with done and drop, re-published once one is done; and the figures', async () => {
    const OWNER = 'U0OWNER';
    const id = await recordClosedIncident(t, {
      teamId: TEAM,
      commander: DANA,
      title: 'Queue stuck',
      daysAgo: 3,
      followUps: [
        { id: 'q1', title: 'Alert on queue age', owner: OWNER, due: '2099-01-01', rank: 1, control: true },
        {
          id: 'q2',
          title: 'Dead-letter replay tool',
          owner: OWNER,
          due: '2099-01-02',
          rank: 2,
          control: false,
        },
        { id: 'q3', title: 'Capacity plan', owner: DANA, due: '2099-01-03', rank: 3, control: false },
      ],
    });
    const view = await home(OWNER, 'Ev0HOME3');
    expect(view).toContain('Your follow-ups* (2 open)');
    expect(view).toContain('Alert on queue age');
    expect(view).not.toContain('Capacity plan');
    expect(view).toContain('Median time to commander');

    const publishes = t.slack.callsTo('views.publish').length;
    await sendInteraction(t.target, {
      ...blockActionPayload({
        actionId: 'followup.done',
        value: `${id}|q1`,
        userId: OWNER,
        channelId: 'C0HOME',
        messageTs: '1.1',
        teamId: TEAM,
      }),
      container: { type: 'view', view_id: 'V2' },
      view: { id: 'V2', type: 'home' },
    });
    await t.slack.waitForCalls('views.publish', publishes + 1);
    const after = JSON.stringify(t.slack.callsTo('views.publish').at(-1)?.args.view);
    expect(after).toContain('Your follow-ups* (1 open)');
    expect(after).not.toContain('Alert on queue age');
  });
});
