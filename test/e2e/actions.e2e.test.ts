import { describe, expect, it } from 'vitest';
import { useBotWithIncident } from '../support/incident-driver.js';

const ALEX = 'U0ALEX';

describe('actions from the header', () => {
  const { t, drive, incident } = useBotWithIncident('Emails not sending', ALEX);

  /** Alex clicks a header button (or picks `selectedOption` in an action's menu) and a modal opens. */
  const modalFrom = (actionId: string, selectedOption?: string) =>
    drive.modalAfter(() => drive.click(incident, actionId, ALEX, { selectedOption }));

  const actions = async () => (await drive.state(incident.id)).actions;

  it('adds an action during the hold as proposed, and says why in place of the form', async () => {
    const modal = await modalFrom('action.add');
    expect(modal.view.callback_id).toBe('action.add');
    const answer = await modal.submit(ALEX, {
      text: { text: { value: 'Fail over to the backup SMTP relay' } },
      owner: { user: { type: 'users_select', selected_user: 'U0BOB' } },
    });
    expect(answer).toMatchObject({ response_action: 'update', view: { title: { text: 'Action proposed' } } });
    expect(JSON.stringify(answer)).toContain('diagnosis hold ends at');
    expect(await actions()).toMatchObject([
      { text: 'Fail over to the backup SMTP relay', owner: 'U0BOB', status: 'proposed' },
    ]);
  });

  it('refuses to start a proposed action until the hold is lifted, then starts it', async () => {
    const [action] = await actions();
    const responseUrl = t.slack.responseUrl();
    await drive.click(incident, 'action.mark', ALEX, { selectedOption: `start|${action?.id}`, responseUrl });
    expect(await drive.toldAt(responseUrl)).toContain('diagnosis hold ends at');

    expect(
      await (await modalFrom('hold.lift')).submitText(ALEX, 'Relay outage confirmed by provider'),
    ).toEqual({});
    await drive.click(incident, 'action.mark', ALEX, { selectedOption: `start|${action?.id}` });
    await expect.poll(async () => (await actions())[0]?.status).toBe('in_progress');
  });

  it('reassigns and completes an action through its menu', async () => {
    const [action] = await actions();
    const reassign = await modalFrom('action.mark', `reassign|${action?.id}`);
    expect(
      await reassign.submit(ALEX, { owner: { user: { type: 'users_select', selected_user: 'U0CAROL' } } }),
    ).toEqual({});
    const done = await modalFrom('action.mark', `done|${action?.id}`);
    expect(await done.submitText(ALEX, 'Mail flowing again')).toEqual({});
    expect((await actions())[0]).toMatchObject({
      owner: 'U0CAROL',
      status: 'done',
      result: 'Mail flowing again',
    });
  });

  it('abandons an action only with a reason', async () => {
    const add = await modalFrom('action.add');
    expect(
      await add.submit(ALEX, {
        text: { text: { value: 'Raise the send quota' } },
        owner: { user: { selected_user: ALEX } },
      }),
    ).toEqual({});
    const added = (await actions()).find((a) => a.text === 'Raise the send quota');
    expect(added?.status).toBe('in_progress');
    const abandon = await modalFrom('action.mark', `abandon|${added?.id}`);
    expect(await abandon.submitText(ALEX, '')).toMatchObject({ response_action: 'errors' });
    expect(await abandon.submitText(ALEX, 'Quota was not the problem')).toEqual({});
    expect((await actions()).find((a) => a.id === added?.id)).toMatchObject({
      status: 'abandoned',
      result: 'Quota was not the problem',
    });
    await t.outboxSettled();
    expect(drive.header(incident)).toContain('No open actions');
  });
});
