import { z } from 'zod';
import { channelId, teamId, userId } from './slack-ids.js';

/**
 * The fields of a slash command we read. Slack sends many more (enterprise, api_app_id, …):
 * they pass through, because a `.strict()` schema on a Slack payload breaks in production.
 */
export const slashCommandSchema = z.object({
  team_id: teamId,
  channel_id: channelId,
  channel_name: z.string().optional(),
  user_id: userId,
  command: z.string().min(1),
  text: z.string().default(''),
  response_url: z.string().url(),
  trigger_id: z.string().min(1),
});

export type SlashCommand = z.output<typeof slashCommandSchema>;

export interface Subcommand {
  /** The first word, lowercased; '' when the text was empty. */
  readonly name: string;
  /** Everything after the first word, trimmed. */
  readonly rest: string;
}

/** Splits `/incident open Checkout errors spiking` into `open` and `Checkout errors spiking`. */
export function splitSubcommand(text: string): Subcommand {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return match
    ? { name: (match[1] ?? '').toLowerCase(), rest: (match[2] ?? '').trim() }
    : { name: '', rest: '' };
}
