import { z } from 'zod';
import { ROLES } from '../../../domain/index.js';
import { channelId, teamId, userId } from './slack-ids.js';

/** The fields of a `block_actions` payload we read; the rest passes through. */
export const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: teamId }).nullable(),
  user: z.object({ id: userId, team_id: teamId.optional() }),
  channel: z.object({ id: channelId }).optional(),
  container: z
    .object({
      type: z.string().optional(),
      channel_id: channelId.optional(),
      message_ts: z.string().optional(),
    })
    .passthrough(),
  response_url: z.string().url().optional(),
  trigger_id: z.string().optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        block_id: z.string().optional(),
        value: z.string().optional(),
        /** Set by user pickers. */
        selected_user: z.string().optional(),
        /** Set by static selects and overflow menus. */
        selected_option: z.object({ value: z.string() }).nullish(),
      }),
    )
    .min(1),
});

export type BlockAction = z.output<typeof blockActionSchema>;

export const roleSchema = z.enum(ROLES);

/** The Slack team a payload belongs to (team may be null on enterprise installs; the user still has it). */
export const teamOf = (payload: BlockAction): string | null =>
  payload.team?.id ?? payload.user.team_id ?? null;
