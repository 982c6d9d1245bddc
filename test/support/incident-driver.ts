import type { Kysely } from 'kysely';
import type { Database } from '../../src/adapters/postgres/schema.js';
import type { BotUnderTest } from './bot-under-test.js';
import { blockActionPayload, viewSubmissionPayload } from './slack-payloads.js';
import { type SlackRequestTarget, sendInteraction, sendSlashCommand } from './slack-requests.js';
import type { SlackStandIn } from './slack-stand-in/index.js';

export const TEAM = 'T0001';

/** An incident the test opened through Slack, with where its header lives. */
export interface DrivenIncident {
  readonly id: string;
  readonly channel: string;
  readonly headerTs: string;
}

interface Driver {
  readonly slack: SlackStandIn;
  readonly db: Kysely<Database>;
  readonly target: SlackRequestTarget;
}

/**
 * Drives incidents the way people do, with signed slash commands and clicks, for tests that are
 * about what happens next (timers, reminders) rather than the clicking itself.
 */
export function incidentDriver(t: Driver | BotUnderTest) {
  const events = (incidentId: string, type?: string) =>
    t.db
      .selectFrom('incident_events')
      .select(['type', 'payload', 'seq'])
      .where('incident_id', '=', incidentId)
      .$if(type !== undefined, (qb) => qb.where('type', '=', type ?? ''))
      .orderBy('seq')
      .execute();

  async function open(title: string, userId: string): Promise<DrivenIncident> {
    const before = await t.db.selectFrom('incidents').select('id').execute();
    await sendSlashCommand(t.target, { text: `open ${title}`, userId, teamId: TEAM });
    for (let i = 0; i < 400; i++) {
      const row = await t.db
        .selectFrom('incidents')
        .select(['id', 'channel_id', 'header_ts'])
        .where('title', '=', title)
        .$if(before.length > 0, (qb) =>
          qb.where(
            'id',
            'not in',
            before.map((r) => r.id),
          ),
        )
        .executeTakeFirst();
      if (row?.channel_id && row.header_ts)
        return { id: row.id, channel: row.channel_id, headerTs: row.header_ts };
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`incident "${title}" did not get a channel and header`);
  }

  function click(incident: DrivenIncident, actionId: string, userId: string, value?: string) {
    return sendInteraction(
      t.target,
      blockActionPayload({
        actionId,
        userId,
        channelId: incident.channel,
        messageTs: incident.headerTs,
        teamId: TEAM,
        ...(value === undefined ? {} : { value }),
      }),
    );
  }

  /** Clicks Resolve and submits the modal that opens. */
  async function resolve(incident: DrivenIncident, userId: string, summary: string): Promise<void> {
    const opens = t.slack.callsTo('views.open').length;
    await click(incident, 'incident.resolve', userId);
    await t.slack.waitForCalls('views.open', opens + 1);
    const view = t.slack.callsTo('views.open').at(-1)?.args.view as {
      callback_id: string;
      private_metadata: string;
    };
    await sendInteraction(
      t.target,
      viewSubmissionPayload({
        callbackId: view.callback_id,
        userId,
        teamId: TEAM,
        privateMetadata: view.private_metadata,
        values: { summary: { text: { value: summary } } },
      }),
    );
  }

  /** Messages the bot posted in a channel (not updates), oldest first. */
  const posted = (channel: string) =>
    t.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

  return { events, open, click, resolve, posted };
}
