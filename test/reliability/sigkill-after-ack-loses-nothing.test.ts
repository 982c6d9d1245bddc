import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM } from '../support/incident-driver.js';
import { reactionAddedEnvelope } from '../support/slack-payloads.js';
import { ackText, sendEvent } from '../support/slack-requests.js';
import { DANA, type ProcessRig, processRig, slashIn } from './support/rig.js';

const HYPOTHESES = 20;

/**
 * An ack is a promise that the change is saved: the bot answers Slack only once it committed. So
 * killing the process the moment the last ack arrives loses none of what was acked.
 */
describe('sigkill after ack loses nothing', () => {
  let rig: ProcessRig;

  beforeAll(async () => {
    rig = await processRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('keeps 20 acked hypotheses and an acked 📌 capture after SIGKILL right after the last ack', async () => {
    const first = await rig.start();
    const incident = await first.drive.open('Orders stuck in pending', DANA, rig.slack.responseUrl());
    const pinned = rig.slack.addMessage(incident.channel, { user: 'U0ALEX', text: 'orders-db p99 is 4 s' });
    // Reading the pinned message takes a second: a reaction acked before its capture committed
    // would still be capturing when the process is killed.
    rig.slack.setLatency('conversations.history', 1_000);
    const reacted = await sendEvent(
      first.target,
      reactionAddedEnvelope({
        eventId: 'Ev0KILLED01',
        reaction: 'pushpin',
        userId: DANA,
        channelId: incident.channel,
        messageTs: pinned,
        itemUser: 'U0ALEX',
        teamId: TEAM,
      }),
    );
    expect(reacted.status).toBe(200);

    let acks = 0;
    const answers = await Promise.all(
      Array.from({ length: HYPOTHESES }, (_, n) =>
        slashIn(first.target, incident, `hypothesis Cause number ${n + 1}`).then((answer) => {
          if (++acks === HYPOTHESES) first.process.child.kill('SIGKILL');
          return answer;
        }),
      ),
    );
    expect(await first.process.exited).toBe('SIGKILL');
    for (const answer of answers) expect(ackText(answer)).toBe('Hypothesis added to the header.');

    // Started again, the bot has all of it, and finishes the side effects the kill interrupted.
    const second = await rig.start();
    const texts = (await second.drive.events(incident.id, 'HypothesisProposed')).map(
      (event) => (event.payload as { text: string }).text,
    );
    expect(texts.sort()).toEqual(
      Array.from({ length: HYPOTHESES }, (_, n) => `Cause number ${n + 1}`).sort(),
    );
    const captured = await second.drive.events(incident.id, 'MessageCaptured');
    expect(captured.map((event) => (event.payload as { text: string }).text)).toEqual([
      'orders-db p99 is 4 s',
    ]);
    const unfinished = () => rig.db.selectFrom('outbox').select('id').where('done_at', 'is', null).execute();
    await expect.poll(async () => (await unfinished()).length, { timeout: 15_000 }).toBe(0);
  });
});
