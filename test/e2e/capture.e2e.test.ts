import { describe, expect, it } from 'vitest';
import { TEAM, useBotWithIncident } from '../support/incident-driver.js';
import { messageShortcutPayload, reactionAddedEnvelope } from '../support/slack-payloads.js';
import { sendEvent, sendInteraction } from '../support/slack-requests.js';

describe('capturing Slack messages onto the timeline', () => {
  const { t, drive, incident } = useBotWithIncident('Queue backlog growing', 'U0DANA');

  const captured = () => drive.events(incident.id, 'MessageCaptured');

  it('captures a 📌-reacted message with its author and original time, once', async () => {
    const ts = t.slack.addMessage(incident.channel, {
      ts: '1795000000.000200',
      user: 'U0BOB',
      text: 'Consumer lag is 40k and climbing',
    });
    const react = (eventId: string, userId: string) =>
      sendEvent(
        t.target,
        reactionAddedEnvelope({
          eventId,
          reaction: 'pushpin',
          userId,
          channelId: incident.channel,
          messageTs: ts,
          itemUser: 'U0BOB',
          teamId: TEAM,
        }),
      );
    expect((await react('Ev0PIN1', 'U0DANA')).status).toBe(200);
    await expect.poll(async () => (await captured()).length).toBe(1);
    expect((await captured())[0]?.payload).toMatchObject({
      author: 'U0BOB',
      text: 'Consumer lag is 40k and climbing',
      postedAt: '2026-11-18T11:06:40.000Z',
      by: 'U0DANA',
    });

    await react('Ev0PIN2', 'U0ALEX'); // someone else pins the same message
    await react('Ev0PIN1', 'U0DANA'); // and Slack retries the first delivery
    await sendEvent(
      t.target,
      reactionAddedEnvelope({
        eventId: 'Ev0EYES',
        reaction: 'eyes',
        userId: 'U0DANA',
        channelId: incident.channel,
        messageTs: ts,
        itemUser: 'U0BOB',
        teamId: TEAM,
      }),
    );
    await t.outboxSettled();
    expect(await captured()).toHaveLength(1);
  });

  it('ignores 📌 outside incident channels', async () => {
    const elsewhere = t.slack.addChannel({ name: 'random' });
    const ts = t.slack.addMessage(elsewhere, { user: 'U0BOB', text: 'lunch?' });
    await sendEvent(
      t.target,
      reactionAddedEnvelope({
        eventId: 'Ev0RANDOM',
        reaction: 'pushpin',
        userId: 'U0DANA',
        channelId: elsewhere,
        messageTs: ts,
        itemUser: 'U0BOB',
        teamId: TEAM,
      }),
    );
    // An event handled after it marks when the bot has had its chance to (wrongly) act on the pin.
    await drive.openHome('U0MARK', 'Ev0MARK');
    expect(t.slack.callsTo('conversations.history').filter((c) => c.args.channel === elsewhere)).toHaveLength(
      0,
    );
  });

  it('captures a message with the "Add to timeline" shortcut, and says so when it is already there', async () => {
    const shortcut = (responseUrl: string) =>
      sendInteraction(
        t.target,
        messageShortcutPayload({
          callbackId: 'timeline.add',
          channelId: incident.channel,
          messageTs: '1795000100.000300',
          messageText: 'Scaled consumers to 12',
          messageUser: 'U0ALEX',
          userId: 'U0DANA',
          teamId: TEAM,
          responseUrl,
        }),
      );
    const first = t.slack.responseUrl();
    expect((await shortcut(first)).status).toBe(200);
    expect(await drive.toldAt(first)).toContain('Added to the timeline');
    const again = t.slack.responseUrl();
    await shortcut(again);
    expect(await drive.toldAt(again)).toContain('already on the timeline');
    const texts = (await captured()).map((c) => (c.payload as { text: string }).text);
    expect(texts).toEqual(['Consumer lag is 40k and climbing', 'Scaled consumers to 12']);
  });

  it('says where to use the shortcut when the channel is not an incident', async () => {
    const responseUrl = t.slack.responseUrl();
    await sendInteraction(
      t.target,
      messageShortcutPayload({
        callbackId: 'timeline.add',
        channelId: 'C0GENERAL',
        messageTs: '1795000200.000100',
        messageText: 'hi',
        messageUser: 'U0ALEX',
        userId: 'U0DANA',
        teamId: TEAM,
        responseUrl,
      }),
    );
    expect(await drive.toldAt(responseUrl)).toContain('not an incident channel');
  });
});
