import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { StoredIncident } from '../../../../app/ports/incident-store.js';
import type { SlashCommand } from '../../parse/slash-command.js';
import { incidentRef } from '../../views/labels.js';
import type { ListenerDeps } from '../deps.js';
import { replyPrivately } from '../reply.js';

/** What a subcommand handler gets: the parsed command, the words after the subcommand, a way to answer. */
export interface SubcommandContext {
  readonly deps: ListenerDeps;
  readonly command: SlashCommand;
  readonly rest: string;
  readonly respond: RespondFn;
  /** For modals: `views.open` with the command's trigger id, within Slack's 3 seconds. */
  readonly client: WebClient;
  readonly reply: (text: string) => Promise<void>;
}

export type SubcommandHandler = (context: SubcommandContext) => Promise<void>;

export function contextFor(
  deps: ListenerDeps,
  command: SlashCommand,
  rest: string,
  respond: RespondFn,
  client: WebClient,
): SubcommandContext {
  return {
    deps,
    command,
    rest,
    respond,
    client,
    reply: (text) => replyPrivately(respond, text, deps.logger),
  };
}

/**
 * "Where am I?": the incident whose channel the command was typed in. Elsewhere, the person is
 * told which of their incidents are open (and where), or that none is, instead of a failure.
 */
export async function incidentHere(
  context: SubcommandContext,
  subcommand: string,
): Promise<StoredIncident | null> {
  const { deps, command } = context;
  const incident = await deps.store.findByChannel(command.team_id, command.channel_id);
  if (incident) return incident;
  const open = await deps.store.listOpen(command.team_id, 50);
  const visible = open.filter(
    (i) => i.state.status !== 'none' && (!i.state.private || i.state.participants.includes(command.user_id)),
  );
  const mine = visible.filter(
    (i) => i.state.status !== 'none' && i.state.participants.includes(command.user_id),
  );
  const listed = (mine.length > 0 ? mine : visible).slice(0, 10);
  const usage = `\`${deps.config.slack.command} ${subcommand}\``;
  if (listed.length === 0) {
    await context.reply(
      `No incident is open, so there is nothing for ${usage} to act on. Start one with \`${deps.config.slack.command} open <title>\`.`,
    );
    return null;
  }
  const lines = listed.map(
    (i) =>
      `• *${incidentRef(i.number)}* ${i.state.status === 'none' ? '' : i.state.title}${i.channelId ? ` in <#${i.channelId}>` : ''}`,
  );
  await context.reply(
    [
      `This channel is not an incident channel. Run ${usage} in the channel of the incident you mean:`,
      ...lines,
    ].join('\n'),
  );
  return null;
}
