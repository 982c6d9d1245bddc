import { describe, expect, it } from 'vitest';
import { useBotWithIncident } from '../support/incident-driver.js';

const DANA = 'U0DANA';
const ALEX = 'U0ALEX';

describe('the diagnosis hold from Slack', () => {
  const { t, drive, incident } = useBotWithIncident('Search is down', ALEX);

  const slash = (text: string, userId: string) => drive.slash(text, userId, incident.channel);

  /** Clicks a header button, Slack answering 200; returns the response URL the bot may answer at. */
  async function click(actionId: string, userId: string, value?: string) {
    const responseUrl = t.slack.responseUrl();
    const response = await drive.click(incident, actionId, userId, { value, responseUrl });
    expect(response.status).toBe(200);
    return responseUrl;
  }

  /** Clicks a header button and returns the modal it opened, checking which one it is. */
  async function modalFrom(actionId: string, userId: string) {
    const modal = await drive.modalAfter(() => click(actionId, userId));
    expect(modal.view.callback_id).toBe(actionId);
    return modal;
  }

  const types = () => drive.types(incident.id);

  it('keeps an action as proposed while the hold runs', async () => {
    expect(await slash('action Restart the search cluster', ALEX)).toContain('diagnosis hold ends at');
    expect(await types()).toContain('ActionProposed');
    expect(await types()).not.toContain('ActionStarted');
  });

  it('adds a hypothesis from the header button and its modal', async () => {
    const modal = await modalFrom('hypothesis.add', ALEX);
    expect(await modal.submitText(ALEX, '')).toMatchObject({ response_action: 'errors' });
    expect(await modal.submitText(ALEX, 'The index rebuild starved the cluster')).toEqual({});
    expect(await types()).toContain('HypothesisProposed');
  });

  it('lets only the commander lift the hold, with a reason, and then the action starts', async () => {
    await click('role.take', DANA, 'commander');
    await t.outboxSettled();

    const refused = await click('hold.lift', ALEX);
    expect(await drive.toldAt(refused)).toContain(
      'Only the commander (<@U0DANA>) can lift the diagnosis hold',
    );

    const modal = await modalFrom('hold.lift', DANA);
    expect(await modal.submitText(DANA, '  ')).toMatchObject({
      response_action: 'errors',
      errors: { text: expect.stringContaining('reason') },
    });
    expect(await modal.submitText(DANA, 'The cause is certain: the index rebuild')).toEqual({});
    expect(await drive.lastPayload(incident.id, 'HoldLifted')).toMatchObject({
      by: DANA,
      reason: 'The cause is certain: the index rebuild',
      asCommander: true,
    });

    await t.outboxSettled();
    expect(drive.header(incident)).toContain('Lifted by <@U0DANA>');

    expect(await slash('action Restart the search cluster', ALEX)).toContain('Action started');
    expect(await types()).toContain('ActionStarted');
  });
});
