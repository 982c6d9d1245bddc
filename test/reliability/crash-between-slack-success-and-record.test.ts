import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_METADATA_TYPE } from '../../src/adapters/slack/effects/pinned-header.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';
import { incidentDriver } from '../support/incident-driver.js';
import { DANA } from './support/rig.js';

const ANNOUNCEMENTS = 'C0ANNOUNCE';

/** Messages in `channel` whose metadata names this incident, with that metadata type. */
function taggedMessages(t: BotUnderTest, channel: string, type: string, incidentId: string) {
  return t.slack.workspace.messages(channel).filter((message) => {
    const metadata = message.metadata as { event_type?: string; event_payload?: { incident_id?: string } };
    return metadata?.event_type === type && metadata.event_payload?.incident_id === incidentId;
  });
}

/**
 * Slack did what was asked, then the connection dropped before the bot heard the answer (a crash's
 * view of success). The retry must find what the first attempt made, not make it again.
 */
describe('crash between Slack success and record', () => {
  let t: BotUnderTest;

  beforeAll(async () => {
    t = await startBotUnderTest({ env: { ANNOUNCE_CHANNEL: ANNOUNCEMENTS } });
    t.slack.addChannel({ id: ANNOUNCEMENTS, name: 'incidents' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('leaves exactly one channel, one pinned header and one announcement after retries', async () => {
    t.slack.dropAfter('conversations.create');
    // The first two posts of an opening: the header in its channel and the announcement, which
    // the outbox posts side by side, so in either order.
    t.slack.dropAfter('chat.postMessage', 2);
    const incident = await incidentDriver(t).open('Search index corrupted', DANA, t.slack.responseUrl());
    await t.outboxSettled();

    // Each drop did hit what it was meant to: Slack performed the call and the bot never heard.
    const firstPosts = t.slack.callsTo('chat.postMessage').slice(0, 2);
    expect(firstPosts.map((call) => call.args.channel).sort()).toEqual(
      [incident.channel, ANNOUNCEMENTS].sort(),
    );

    const channels = [...t.slack.workspace.channels.values()].filter((c) => c.name.startsWith('inc-1-'));
    expect(channels.map((c) => c.name)).toEqual(['inc-1-search-index-corrupted']);
    expect(channels[0]?.id).toBe(incident.channel);
    expect(channels[0]?.purpose).toContain(incident.id);

    const headers = taggedMessages(t, incident.channel, HEADER_METADATA_TYPE, incident.id);
    expect(headers.map((m) => m.ts)).toEqual([incident.headerTs]);
    expect(t.slack.workspace.pins(incident.channel)).toEqual([incident.headerTs]);

    const announcements = taggedMessages(t, ANNOUNCEMENTS, 'incident_announcement', incident.id);
    expect(announcements).toHaveLength(1);
    const row = await t.db
      .selectFrom('incidents')
      .select(['announcement_ts'])
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow();
    expect(row.announcement_ts).toBe(announcements[0]?.ts);
    // The adopted announcement links to the channel the retry adopted.
    expect(JSON.stringify(announcements[0]?.blocks)).toContain(incident.channel);

    const failed = await t.db
      .selectFrom('outbox')
      .select('kind')
      .where('failed_at', 'is not', null)
      .execute();
    expect(failed).toEqual([]);
  });
});
