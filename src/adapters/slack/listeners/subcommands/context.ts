import type { View } from '@slack/types';
import type { Origin } from '../../../../app/commands/origin.js';
import type { StoredIncident } from '../../../../app/ports/incident-store.js';
import { canSee } from '../../../../domain/index.js';
import type { SlashCommand } from '../../parse/slash-command.js';
import { channelMention, inline } from '../../views/format.js';
import { incidentRef } from '../../views/labels.js';
import type { ListenerDeps } from '../deps.js';

/** What a subcommand handler gets: the parsed command, the words after the subcommand, who and where. */
export interface SubcommandContext {
  readonly deps: ListenerDeps;
  readonly command: SlashCommand;
  readonly rest: string;
  /** The person and the channel they typed in: a change binds to that channel's incident. */
  readonly origin: Origin;
  readonly now: string;
}

/** A subcommand's answer: text for the ack, or a modal to open right after it. */
export type SubcommandAnswer = { readonly text: string } | { readonly modal: View };

export type SubcommandHandler = (context: SubcommandContext) => Promise<SubcommandAnswer>;

/** How much of a title a listing shows. */
const TITLE_SHOWN = 150;

export const say = (text: string): SubcommandAnswer => ({ text });

export function contextFor(deps: ListenerDeps, command: SlashCommand, rest: string): SubcommandContext {
  return {
    deps,
    command,
    rest,
    origin: { teamId: command.team_id, userId: command.user_id, channelId: command.channel_id },
    now: deps.clock.now().toISOString(),
  };
}

/**
 * "Where am I?": the incident whose channel the command was typed in. Elsewhere, the answer says
 * which of the person's incidents are open (and where), or that none is, instead of a failure.
 * Private incidents are listed only to the people working them.
 */
export async function incidentHere(
  context: SubcommandContext,
  subcommand: string,
): Promise<StoredIncident | SubcommandAnswer> {
  const { deps, command } = context;
  const incident = await deps.store.findByChannel(command.team_id, command.channel_id);
  if (incident && incident.state.status !== 'none') return incident;
  const open = await deps.store.listOpen(command.team_id, 50);
  const visible = open.filter(
    (i) => i.state.status !== 'none' && canSee(i.state, { userId: command.user_id, inChannel: false }),
  );
  const mine = visible.filter(
    (i) => i.state.status !== 'none' && i.state.participants.includes(command.user_id),
  );
  const listed = (mine.length > 0 ? mine : visible).slice(0, 10);
  const name = deps.config.slack.command;
  const usage = `\`${name} ${subcommand}\``;
  if (listed.length === 0)
    return say(
      `No incident is open, so there is nothing for ${usage} to act on. Start one with \`${name} open <title>\`.`,
    );
  const lines = listed.map(
    (i) =>
      `• *${incidentRef(i.number)}* ${i.state.status === 'none' ? '' : inline(i.state.title, TITLE_SHOWN)}${i.channelId ? ` in ${channelMention(i.channelId)}` : ''}`,
  );
  return say(
    [
      `This channel is not an incident channel. Run ${usage} in the channel of the incident you mean:`,
      ...lines,
    ].join('\n'),
  );
}

export const isAnswer = (value: StoredIncident | SubcommandAnswer): value is SubcommandAnswer =>
  'text' in value || 'modal' in value;
