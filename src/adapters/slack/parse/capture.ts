import { z } from 'zod';
import { channelId, messageTs, teamId, userId } from './slack-ids.js';

/** A `reaction_added` event envelope: only what capturing a message needs. */
export const reactionAddedSchema = z.object({
  team_id: teamId,
  event_id: z.string().min(1),
  event: z.object({
    type: z.literal('reaction_added'),
    user: userId,
    reaction: z.string(),
    item_user: z.string().optional(),
    item: z.object({ type: z.literal('message'), channel: channelId, ts: messageTs }),
  }),
});

/** A message shortcut (`message_action`) payload. */
export const messageShortcutSchema = z.object({
  type: z.literal('message_action'),
  callback_id: z.string(),
  team: z.object({ id: teamId }).nullable(),
  user: z.object({ id: userId, team_id: z.string().optional() }),
  channel: z.object({ id: channelId }),
  message_ts: messageTs,
  message: z.object({
    text: z.string().default(''),
    user: z.string().optional(),
    bot_id: z.string().optional(),
    ts: z.string(),
  }),
});

/** A Slack message ts (`1599062420.000400`) as an instant: the time the message was posted. */
export function tsToInstant(ts: string): string {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return new Date(
    Number(seconds) * 1000 + Math.floor(Number(micros.padEnd(6, '0').slice(0, 6)) / 1000),
  ).toISOString();
}
