import { describe, expect, it } from 'vitest';
import { TEAM, useBot } from '../support/incident-driver.js';
import { viewSubmissionPayload } from '../support/slack-payloads.js';
import { sendInteraction } from '../support/slack-requests.js';

const DANA = 'U0DANA';

/**
 * People double-click, and Slack resends a submission it did not see answered: what a modal
 * creates takes its id from the modal (the view id), so the same modal submitted twice records once.
 */
describe('a modal submitted twice', () => {
  const { t, drive } = useBot();

  it('records what it creates once, and a second modal records again', async () => {
    const incident = await drive.open('Double submit', DANA);
    const { view } = await drive.modalAfter(() => drive.click(incident, 'hypothesis.add', DANA));
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
