import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { incidentDriver, TEAM } from '../support/incident-driver.js';
import { viewSubmissionPayload } from '../support/slack-payloads.js';
import { sendInteraction } from '../support/slack-requests.js';

const DANA = 'U0DANA';

/**
 * People double-click, and Slack resends a submission it did not see answered: what a modal
 * creates takes its id from the modal (the view id), so the same modal submitted twice records once.
 */
describe('a modal submitted twice', () => {
  let t: BotUnderTest;

  beforeAll(async () => {
    t = await startBotUnderTest();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('records what it creates once, and a second modal records again', async () => {
    const drive = incidentDriver(t);
    const incident = await drive.open('Double submit', DANA);
    const opens = t.slack.callsTo('views.open').length;
    await drive.click(incident, 'hypothesis.add', DANA);
    await t.slack.waitForCalls('views.open', opens + 1);
    const opened = t.slack.callsTo('views.open').at(-1);
    const view = opened?.args.view as { private_metadata: string };
    const submit = (viewId: string) =>
      sendInteraction(
        t.target,
        viewSubmissionPayload({
          callbackId: 'hypothesis.add',
          userId: DANA,
          teamId: TEAM,
          privateMetadata: view.private_metadata,
          viewId,
          values: { text: { text: { type: 'plain_text_input', value: 'The cache node restarted' } } },
        }),
      );
    const same = 'V0SAMEMODAL';
    const answers = await Promise.all([submit(same), submit(same)]);
    expect(answers.map((a) => [a.status, a.body])).toEqual([
      [200, ''],
      [200, ''],
    ]);
    expect(await drive.events(incident.id, 'HypothesisProposed')).toHaveLength(1);
    // A different modal with the same words is a different hypothesis, deliberately.
    await submit('V0OTHERMODAL');
    expect(await drive.events(incident.id, 'HypothesisProposed')).toHaveLength(2);
  });
});
