import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../../src/adapters/postgres/schema.js';
import type { OpenedIncident, Severity, TriageAnswers } from '../../src/domain/index.js';
import { type BotUnderTest, type BotUnderTestOptions, startBotUnderTest } from './bot-under-test.js';
import { waitForOutboxSettled } from './outbox-settled.js';
import { appHomeOpenedEnvelope, blockActionPayload, viewSubmissionPayload } from './slack-payloads.js';
import {
  ackText,
  type SlackHttpResult,
  type SlackRequestTarget,
  type SlashCommandFields,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
} from './slack-requests.js';
import type { RecordedCall, SlackStandIn } from './slack-stand-in/index.js';
import { startedLater } from './started-later.js';

export const TEAM = 'T0001';

/** Triage answers that give each severity (see `severityFromTriage`). */
export const TRIAGE_FOR: Readonly<Record<Severity, TriageAnswers>> = {
  SEV1: { customerImpact: 'most', criticalPathDown: true, dataAtRisk: false, workaroundExists: false },
  SEV2: { customerImpact: 'some', criticalPathDown: true, dataAtRisk: false, workaroundExists: false },
  SEV3: { customerImpact: 'some', criticalPathDown: false, dataAtRisk: false, workaroundExists: true },
  SEV4: { customerImpact: 'none', criticalPathDown: false, dataAtRisk: false, workaroundExists: true },
};

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

/** What a click carries besides who clicked what: a button's value, a menu's choice, a picked user. */
export interface ClickOptions {
  readonly value?: string;
  /** Receives the ephemeral answer, if any (default: nowhere). */
  readonly responseUrl?: string;
  readonly selectedOption?: string;
  readonly selectedUser?: string;
  readonly blockId?: string;
  readonly triggerId?: string;
}

/** A modal as the bot opened it (`views.open`'s `view`). */
export interface OpenedView {
  readonly callback_id: string;
  readonly private_metadata: string;
  readonly blocks: readonly { readonly block_id?: string; readonly element?: { initial_value?: string } }[];
  readonly [field: string]: unknown;
}

/** Values of a view submission: block id → action id → the element's state. */
export type ModalValues = Record<string, Record<string, unknown>>;

/** A modal the bot opened, to submit (as often as the test likes, e.g. refused, then accepted). */
export interface OpenedModal {
  readonly view: OpenedView;
  /** The trigger id the bot opened it with (Slack's from the click or command). */
  readonly triggerId: string;
  /** Submits it; the bot's answer (`{}` when it closes the modal). Throws unless Slack got a 200. */
  submit(userId: string, values: ModalValues): Promise<Record<string, unknown>>;
  /** Submits its one text input (block `text`, action `text`), as most of the bot's small forms have. */
  submitText(userId: string, text: string): Promise<Record<string, unknown>>;
}

/** The values of a form whose only input is block `text`, action `text`. */
export const textValues = (text: string): ModalValues => ({
  text: { text: { type: 'plain_text_input', value: text } },
});

/**
 * Drives incidents the way people do, with signed slash commands and clicks, for tests that are
 * about what happens next (timers, reminders) rather than the clicking itself.
 */
export function incidentDriver(t: Driver | BotUnderTest, teamId: string = TEAM) {
  const events = (incidentId: string, type?: string) =>
    t.db
      .selectFrom('incident_events')
      .select(['type', 'payload', 'seq'])
      .where('incident_id', '=', incidentId)
      .$if(type !== undefined, (qb) => qb.where('type', '=', type ?? ''))
      .orderBy('seq')
      .execute();

  /**
   * Opens an incident with `/incident open <title>`, once its channel and header exist;
   * `responseUrl` receives the confirmation.
   */
  async function open(title: string, userId: string, responseUrl?: string): Promise<DrivenIncident> {
    const before = await t.db.selectFrom('incidents').select('id').execute();
    await sendSlashCommand(t.target, {
      text: `open ${title}`,
      userId,
      teamId,
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

  /**
   * Opens an incident through the triage form, with flags; the answers make it SEV1 unless
   * `triage` gives others (`TRIAGE_FOR` has answers for each severity).
   */
  async function openFromForm(
    title: string,
    userId: string,
    options: { service: string; flags: ('private' | 'drill')[]; triage?: TriageAnswers },
  ): Promise<DrivenIncident> {
    const answers = options.triage ?? TRIAGE_FOR.SEV1;
    const yesNo = (value: boolean) => (value ? 'yes' : 'no');
    const select = (value: string) => ({ answer: { type: 'static_select', selected_option: { value } } });
    await sendInteraction(
      t.target,
      viewSubmissionPayload({
        callbackId: 'incident.open',
        userId,
        teamId,
        privateMetadata: JSON.stringify({ channel: 'C0GENERAL', duplicateAcknowledged: true }),
        values: {
          title: { text: { type: 'plain_text_input', value: title } },
          service: { text: { type: 'plain_text_input', value: options.service } },
          'triage.customerImpact': select(answers.customerImpact),
          'triage.criticalPathDown': select(yesNo(answers.criticalPathDown)),
          'triage.dataAtRisk': select(yesNo(answers.dataAtRisk)),
          'triage.workaroundExists': select(yesNo(answers.workaroundExists)),
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
    options: ClickOptions = {},
  ): Promise<SlackHttpResult> {
    return sendInteraction(
      t.target,
      blockActionPayload({
        actionId,
        userId,
        channelId: message.channel,
        messageTs: message.ts,
        teamId,
        ...options,
      }),
    );
  }

  /** Clicks a button (or a menu, with `selectedOption`) on the incident's pinned header. */
  const click = (
    incident: DrivenIncident,
    actionId: string,
    userId: string,
    value?: string | ClickOptions,
  ): Promise<SlackHttpResult> =>
    clickOn(
      { channel: incident.channel, ts: incident.headerTs },
      actionId,
      userId,
      typeof value === 'string' ? { value } : (value ?? {}),
    );

  /** How many modals the bot has opened so far. */
  const viewsOpened = () => t.slack.callsTo('views.open').length;

  /** The `views.open` call of the modal most recently opened, once there are more than `opensBefore`. */
  async function lastOpened(opensBefore: number): Promise<RecordedCall> {
    await t.slack.waitForCalls('views.open', opensBefore + 1);
    const opened = t.slack.callsTo('views.open').at(-1);
    if (!opened) throw new Error('no modal was opened');
    return opened;
  }

  /** Submits an opened modal as Slack does: its callback id, private metadata and view id. */
  function submitView(opened: RecordedCall, userId: string, values: ModalValues): Promise<SlackHttpResult> {
    const view = opened.args.view as OpenedView;
    const viewId = (opened.response as { view?: { id?: string } } | undefined)?.view?.id;
    return sendInteraction(
      t.target,
      viewSubmissionPayload({
        callbackId: view.callback_id,
        userId,
        teamId,
        privateMetadata: view.private_metadata,
        values,
        ...(viewId ? { viewId } : {}),
      }),
    );
  }

  const answerOf = (response: SlackHttpResult) =>
    response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {};

  /** A submission Slack got a 200 for: its answer. */
  function okAnswer(response: SlackHttpResult): Record<string, unknown> {
    if (response.status !== 200)
      throw new Error(`expected 200 for the submission, got ${response.status} ${response.body}`);
    return answerOf(response);
  }

  /** Submits the modal most recently opened, once it is open (after `opensBefore` earlier ones). */
  async function submitModal(
    opensBefore: number,
    userId: string,
    values: ModalValues,
  ): Promise<Record<string, unknown>> {
    return answerOf(await submitView(await lastOpened(opensBefore), userId, values));
  }

  /** Does what should open a modal (a click, a command) and returns the modal, once it is open. */
  async function modalAfter(trigger: () => Promise<unknown>): Promise<OpenedModal> {
    const opensBefore = viewsOpened();
    await trigger();
    const opened = await lastOpened(opensBefore);
    const submit = async (userId: string, values: ModalValues) =>
      okAnswer(await submitView(opened, userId, values));
    return {
      view: opened.args.view as OpenedView,
      triggerId: String(opened.args.trigger_id),
      submit,
      submitText: (userId, text) => submit(userId, textValues(text)),
    };
  }

  /**
   * Clicks Resolve and submits the modal that opens. While the severity is pending the modal asks
   * for one: `severity` (default SEV3, which like a pending one gets a postmortem only when asked).
   */
  async function resolve(
    incident: DrivenIncident,
    userId: string,
    summary: string,
    options: { postmortemWanted?: boolean; severity?: string } = {},
  ): Promise<void> {
    const opens = t.slack.callsTo('views.open').length;
    await click(incident, 'incident.resolve', userId);
    const wanted: Record<string, Record<string, unknown>> = options.postmortemWanted
      ? { postmortem: { wanted: { type: 'checkboxes', selected_options: [{ value: 'wanted' }] } } }
      : {};
    const opened = await lastOpened(opens);
    const asksSeverity = (opened.args.view as OpenedView).blocks.some((b) => b.block_id === 'severity');
    const severity: ModalValues = asksSeverity
      ? {
          severity: {
            choice: { type: 'static_select', selected_option: { value: options.severity ?? 'SEV3' } },
          },
        }
      : {};
    okAnswer(
      await submitView(opened, userId, { summary: { text: { value: summary } }, ...wanted, ...severity }),
    );
  }

  /** Messages the bot posted in a channel (not updates), oldest first. */
  const posted = (channel: string) =>
    t.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

  /** Resolves once every Slack side effect written so far has been performed (or given up). */
  const settled = (timeoutMs?: number) => waitForOutboxSettled(t.db, timeoutMs);

  /**
   * Opens an incident and waits until Slack has seen all of it: the channel, the header and its
   * pin, the announcement, and the confirmation to the reporter (at a response URL that answers).
   */
  async function openSettled(title: string, userId: string): Promise<DrivenIncident> {
    const incident = await open(title, userId, t.slack.responseUrl());
    await settled();
    return incident;
  }

  /** `/incident <text>` from `userId` (in `channel`, if given), as Slack delivers it; the raw result. */
  const command = (
    text: string,
    userId: string,
    channel?: string,
    fields: Partial<SlashCommandFields> = {},
  ): Promise<SlackHttpResult> =>
    sendSlashCommand(t.target, {
      text,
      userId,
      teamId,
      ...(channel === undefined ? {} : { channelId: channel }),
      ...fields,
    });

  /** Runs `/incident <text>` and returns the private answer in its ack (throws when there is none). */
  const slash = async (
    text: string,
    userId: string,
    channel?: string,
    fields: Partial<SlashCommandFields> = {},
  ): Promise<string> => ackText(await command(text, userId, channel, fields));

  /** The types of the incident's events, in order. */
  const types = async (incidentId: string) => (await events(incidentId)).map((event) => event.type);

  /** The payload of the incident's latest event of this type; throws when there is none. */
  async function lastPayload(incidentId: string, type: string): Promise<Record<string, unknown>> {
    const event = (await events(incidentId, type)).at(-1);
    if (!event) throw new Error(`incident ${incidentId} has no ${type} event`);
    return event.payload as Record<string, unknown>;
  }

  /** The incident's row. */
  const incidentRow = (incidentId: string) =>
    t.db.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirstOrThrow();

  /** The incident's state as stored (its snapshot). */
  const state = async (incidentId: string) => (await incidentRow(incidentId)).snapshot as OpenedIncident;

  /** The text of the bot's answer at a response URL, once it has come. */
  async function toldAt(responseUrl: string): Promise<string> {
    const path = new URL(responseUrl).pathname;
    const answer = await t.slack.waitForCall('response_url', (call) => call.path === path);
    return String(answer.args.text);
  }

  /**
   * The first nudge for a stakeholder update posted in the incident's channel, once the update
   * clock has nudged (within 5 s) and Slack has seen it; undefined if none was posted there.
   */
  async function nudge(incident: DrivenIncident): Promise<RecordedCall | undefined> {
    await expect
      .poll(async () => (await events(incident.id, 'UpdateNudged')).length, { timeout: 5_000 })
      .toBeGreaterThan(0);
    await settled();
    return posted(incident.channel).find((call) => String(call.args.text).includes('stakeholder update'));
  }

  /** `userId` opens the bot's App Home (an `app_home_opened` event); the view published for them, as JSON. */
  async function openHome(userId: string, eventId: string): Promise<string> {
    await sendEvent(t.target, appHomeOpenedEnvelope({ eventId, userId, teamId }));
    const published = await t.slack.waitForCall('views.publish', (call) => call.args.user_id === userId);
    return JSON.stringify(published.args.view);
  }

  /** The pinned header as Slack shows it now, as JSON. */
  const header = (incident: DrivenIncident) =>
    JSON.stringify(t.slack.workspace.message(incident.channel, incident.headerTs)?.blocks);

  return {
    events,
    open,
    openFromForm,
    click,
    clickOn,
    submitModal,
    resolve,
    posted,
    openSettled,
    command,
    slash,
    types,
    lastPayload,
    incidentRow,
    state,
    toldAt,
    nudge,
    openHome,
    header,
    modalAfter,
  };
}

export type IncidentDriver = ReturnType<typeof incidentDriver>;

/**
 * The bot for a whole `describe`: registers a beforeAll that starts it (before the beforeAll hooks
 * the file registers after this call, which may then add channels and users) and an afterAll that
 * stops it (after theirs). Returns the bot and a driver on it, to destructure at once.
 */
export function useBot(options: BotUnderTestOptions = {}): { t: BotUnderTest; drive: IncidentDriver } {
  let bot: BotUnderTest | undefined;
  beforeAll(async () => {
    bot = await startBotUnderTest(options);
  });
  afterAll(async () => {
    await bot?.stop();
  });
  const t = startedLater(() => bot, 'the bot under test');
  return { t, drive: incidentDriver(t) };
}

/**
 * The usual start of an end-to-end file, for a whole `describe`: {@link useBot}, and one incident
 * `userId` opened with `/incident open <title>`, with all the opening sent to Slack performed.
 */
export function useBotWithIncident(
  title: string,
  userId: string,
  options: BotUnderTestOptions = {},
): { t: BotUnderTest; drive: IncidentDriver; incident: DrivenIncident } {
  const { t, drive } = useBot(options);
  let incident: DrivenIncident | undefined;
  beforeAll(async () => {
    incident = await drive.openSettled(title, userId);
  });
  return { t, drive, incident: startedLater(() => incident, `the incident "${title}"`) };
}
