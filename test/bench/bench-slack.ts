import type { Kysely } from 'kysely';
import type { Database } from '../../src/adapters/postgres/schema.js';
import { ASSIGN_ROLE_ACTION_PREFIX, TAKE_ROLE_ACTION } from '../../src/adapters/slack/views/header.js';
import { blockActionPayload } from '../support/slack-payloads.js';
import {
  type SlackHttpResult,
  type SlackRequestTarget,
  sendInteraction,
  sendSlashCommand,
} from '../support/slack-requests.js';
import type { SlackStandIn } from '../support/slack-stand-in/index.js';
import { BENCH_TEAM } from './bench-bot.js';
import { until } from './stats.js';

/** An incident opened through Slack: where its header lives. */
export interface BenchIncident {
  readonly id: string;
  readonly channel: string;
  readonly headerTs: string;
}

function answered(result: SlackHttpResult): SlackHttpResult {
  if (result.status !== 200) throw new Error(`bench: Slack got ${result.status} ${result.body}`);
  return result;
}

/** Where a slash command was typed, and where its later answers go (a stand-in URL that answers). */
export interface SlashFrom {
  readonly channelId?: string;
  readonly responseUrl?: string;
}

/** `/incident <text>` from `userId`, signed as Slack signs it; whatever the bot answered. */
export const sendBenchSlash = (
  target: SlackRequestTarget,
  text: string,
  userId: string,
  from: SlashFrom = {},
) => sendSlashCommand(target, { text, userId, teamId: BENCH_TEAM, ...from });

/** {@link sendBenchSlash}, throwing unless the bot answered 200. */
export const slash = async (target: SlackRequestTarget, text: string, userId: string, from: SlashFrom = {}) =>
  answered(await sendBenchSlash(target, text, userId, from));

interface HeaderClick {
  readonly actionId: string;
  readonly userId: string;
  readonly value?: string;
  readonly selectedUser?: string;
  readonly selectedOption?: string;
  readonly actionType?: string;
}

/** A click on the incident's header: a button's `value`, a user picker's or a menu's choice. */
export const sendHeaderClick = (target: SlackRequestTarget, incident: BenchIncident, click: HeaderClick) =>
  sendInteraction(
    target,
    blockActionPayload({
      ...click,
      channelId: incident.channel,
      messageTs: incident.headerTs,
      teamId: BENCH_TEAM,
    }),
  );

/** {@link sendHeaderClick}, throwing unless the bot answered 200. */
export const clickHeader = async (target: SlackRequestTarget, incident: BenchIncident, click: HeaderClick) =>
  answered(await sendHeaderClick(target, incident, click));

/** The header's "take this role" button. */
export const takeRole = (target: SlackRequestTarget, incident: BenchIncident, userId: string, role: string) =>
  clickHeader(target, incident, { actionId: TAKE_ROLE_ACTION, userId, value: role });

/** The header's role picker: `userId` gives `role` to `assignee` (whatever the bot answered). */
export const pickRole = (
  target: SlackRequestTarget,
  incident: BenchIncident,
  userId: string,
  role: string,
  assignee: string,
) =>
  sendHeaderClick(target, incident, {
    actionId: `${ASSIGN_ROLE_ACTION_PREFIX}${role}`,
    userId,
    selectedUser: assignee,
  });

/** How many incidents have both their channel and their header. */
export async function incidentsWithHeader(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('channel_id', 'is not', null)
    .where('header_ts', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Opens an incident with `/incident open <title>` and waits for its channel and header. */
export async function openThroughSlack(
  bench: { target: SlackRequestTarget; slack: SlackStandIn; database: { db: Kysely<Database> } },
  title: string,
  userId: string,
): Promise<BenchIncident> {
  const { target, slack, database } = bench;
  const db = database.db;
  await slash(target, `open ${title}`, userId, { responseUrl: slack.responseUrl() });
  let found: BenchIncident | undefined;
  await until(`the header of "${title}"`, async () => {
    const row = await db
      .selectFrom('incidents')
      .select(['id', 'channel_id', 'header_ts'])
      .where('title', '=', title)
      .executeTakeFirst();
    if (row?.channel_id && row.header_ts)
      found = { id: row.id, channel: row.channel_id, headerTs: row.header_ts };
    return found !== undefined;
  });
  if (!found) throw new Error(`bench: "${title}" has no header`);
  return found;
}
