import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Records a Slack event id; resolves false when it was recorded before (a retried delivery). */
export async function markSlackEventProcessed(
  db: Kysely<Database>,
  teamId: string,
  eventId: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('processed_slack_events')
    .values({ event_id: eventId, team_id: teamId })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
