import { z } from 'zod';

/** An Events API envelope: only what deduplication needs. */
export const eventEnvelopeSchema = z.object({
  type: z.literal('event_callback'),
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.object({ type: z.string() }).passthrough(),
});
