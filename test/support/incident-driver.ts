import type { Kysely } from 'kysely';
import type { Database } from '../../src/adapters/postgres/schema.js';
import type { BotUnderTest } from './bot-under-test.js';
import { blockActionPayload, viewSubmissionPayload } from './slack-payloads.js';
import { type SlackRequestTarget, sendInteraction, sendSlashCommand } from './slack-requests.js';
import type { SlackStandIn } from './slack-stand-in/index.js';

export const TEAM = 'T0001';

/**
 * An instant a stored event carries (when it happened, or another time field such as `until`), in
 * milliseconds; throws when there is no such event or field, so a test fails clearly.
 */
export function eventTime(row: { payload: unknown } | undefined, field = 'at'): number {
  const value = (row?.payload as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'string') throw new Error(`expected a stored event with "${field}", found none`);
  return Date.parse(value);
}

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

  /** Opens an incident with `/incident open <title>`; `responseUrl` receives the confirmation. */
  async function open(title: string, userId: string, responseUrl?: string): Promise<DrivenIncident> {
    const before = await t.db.selectFrom('incidents').select('id').execute();
    await sendSlashCommand(t.target, {
      text: `open ${title}`,
      userId,
      teamId: TEAM,
      ...(responseUrl ? { responseUrl } : {}),
    });
    return waitForChannel(
      title,
      before.map((r) => r.id),
    );
  }

  /** The incident with this title (and none of these ids), once its channel and header exist. */
  async function waitForChannel(title: string, notIds: readonly string[]): Promise<DrivenIncident> {
    for (let i = 0; i < 400; i++) {
      const row = await t.db
        .selectFrom('incidents')
        .select(['id', 'channel_id', 'header_ts'])
        .where('title', '=', title)
        .$if(notIds.length > 0, (qb) => qb.where('id', 'not in', notIds))
        .executeTakeFirst();
      if (row?.channel_id && row.header_ts)
        return { id: row.id, channel: row.channel_id, headerTs: row.header_ts };
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`incident "${title}" did not get a channel and header`);
  }

  /** Opens an incident through the triage form (answers that make it SEV1), with flags. */
  async function openFromForm(
    title: string,
    userId: string,
    options: { service: string; flags: ('private' | 'drill')[] },
  ): Promise<DrivenIncident> {
    const select = (value: string) => ({ answer: { type: 'static_select', selected_option: { value } } });
    await sendInteraction(
      t.target,
      viewSubmissionPayload({
        callbackId: 'incident.open',
        userId,
        teamId: TEAM,
        privateMetadata: JSON.stringify({ channel: 'C0GENERAL', duplicateAcknowledged: true }),
        values: {
          title: { text: { type: 'plain_text_input', value: title } },
          service: { text: { type: 'plain_text_input', value: options.service } },
          'triage.customerImpact': select('most'),
          'triage.criticalPathDown': select('yes'),
          'triage.dataAtRisk': select('no'),
          'triage.workaroundExists': select('no'),
          flags: {
            flags: { type: 'checkboxes', selected_options: options.flags.map((value) => ({ value })) },
          },
        },
      }),
    );
    return waitForChannel(title, []);
  }

  /** Clicks a button on a message; `responseUrl` receives the ephemeral answer, if any. */
  function clickOn(
    message: { channel: string; ts: string },
    actionId: string,
    userId: string,
    options: {
      value?: string;
      responseUrl?: string;
      selectedOption?: string;
      selectedUser?: string;
      triggerId?: string;
    } = {},
  ) {
    return sendInteraction(
      t.target,
      blockActionPayload({
        actionId,
        userId,
        channelId: message.channel,
        messageTs: message.ts,
        teamId: TEAM,
        ...options,
      }),
    );
  }

  /** Clicks a button on the incident's pinned header. */
  const click = (incident: DrivenIncident, actionId: string, userId: string, value?: string) =>
    clickOn(
      { channel: incident.channel, ts: incident.headerTs },
      actionId,
      userId,
      value === undefined ? {} : { value },
    );

  /** Submits the modal most recently opened, once it is open (after `opensBefore` earlier ones). */
  async function submitModal(
    opensBefore: number,
    userId: string,
    values: Record<string, Record<string, unknown>>,
  ): Promise<Record<string, unknown>> {
    await t.slack.waitForCalls('views.open', opensBefore + 1);
    const opened = t.slack.callsTo('views.open').at(-1);
    const view = opened?.args.view as { callback_id: string; private_metadata: string };
    const viewId = (opened?.response as { view?: { id?: string } } | undefined)?.view?.id;
    const response = await sendInteraction(
      t.target,
      viewSubmissionPayload({
        callbackId: view.callback_id,
        userId,
        teamId: TEAM,
        privateMetadata: view.private_metadata,
        values,
        ...(viewId ? { viewId } : {}),
      }),
    );
    return response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {};
  }

  /** Clicks Resolve and submits the modal that opens. */
  async function resolve(
    incident: DrivenIncident,
    userId: string,
    summary: string,
    options: { postmortemWanted?: boolean } = {},
  ): Promise<void> {
    const opens = t.slack.callsTo('views.open').length;
    await click(incident, 'incident.resolve', userId);
    const wanted: Record<string, Record<string, unknown>> = options.postmortemWanted
      ? { postmortem: { wanted: { type: 'checkboxes', selected_options: [{ value: 'wanted' }] } } }
      : {};
    await submitModal(opens, userId, { summary: { text: { value: summary } }, ...wanted });
  }

  /** Messages the bot posted in a channel (not updates), oldest first. */
  const posted = (channel: string) =>
    t.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

  return { events, open, openFromForm, click, clickOn, submitModal, resolve, posted };
}
