import { z } from 'zod';

/** A `reaction_added` event envelope: only what capturing a message needs. */
export const reactionAddedSchema = z.object({
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.object({
    type: z.literal('reaction_added'),
    user: z.string().min(1),
    reaction: z.string(),
    item_user: z.string().optional(),
    item: z.object({ type: z.literal('message'), channel: z.string().min(1), ts: z.string().min(1) }),
  }),
});

/** A message shortcut (`message_action`) payload. */
export const messageShortcutSchema = z.object({
  type: z.literal('message_action'),
  callback_id: z.string(),
  team: z.object({ id: z.string().min(1) }).nullable(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  channel: z.object({ id: z.string().min(1) }),
  message_ts: z.string().min(1),
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
