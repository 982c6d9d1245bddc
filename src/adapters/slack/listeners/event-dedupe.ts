import type { App } from '@slack/bolt';
import { eventEnvelopeSchema } from '../parse/event-envelope.js';
import type { ListenerDeps } from './deps.js';

/**
 * Slack redelivers an event (up to three more times) when it did not see our answer in time, and
 * Bolt does not deduplicate. The envelope's `event_id` is recorded once; repeats stop here.
 */
export function registerEventDedupe(app: App, deps: ListenerDeps): void {
  app.use(async ({ body, next }) => {
    const envelope = eventEnvelopeSchema.safeParse(body);
    if (envelope.success) {
      const first = await deps.markEventProcessed(envelope.data.team_id, envelope.data.event_id);
      if (!first) {
        deps.logger.info({ eventId: envelope.data.event_id }, 'ignoring a repeated event delivery');
        return;
      }
    }
    await next();
  });
}
