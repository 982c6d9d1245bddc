import type { App } from '@slack/bolt';
import { eventEnvelopeSchema } from '../parse/event-envelope.js';
import type { ListenerDeps } from './deps.js';

/**
 * Events whose listener records the event id itself, in the transaction of the change it makes
 * (a 📌 capture): marking it here first would lose the capture if that change then failed.
 */
const RECORDED_WITH_THEIR_CHANGE: ReadonlySet<string> = new Set(['reaction_added']);

/**
 * Slack redelivers an event (up to three more times) when it did not see our answer in time, and
 * Bolt does not deduplicate. Other events' ids are recorded here, once; repeats stop here.
 */
export function registerEventDedupe(app: App, deps: ListenerDeps): void {
  app.use(async ({ body, next }) => {
    const envelope = eventEnvelopeSchema.safeParse(body);
    if (envelope.success && !RECORDED_WITH_THEIR_CHANGE.has(envelope.data.event.type)) {
      const { team_id: teamId, event_id: eventId } = envelope.data;
      const first = await deps.commands.recordEvent(teamId, eventId);
      if (!first) {
        deps.logger.info({ eventId }, 'ignoring a repeated event delivery');
        return;
      }
    }
    await next();
  });
}
