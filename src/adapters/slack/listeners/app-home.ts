import type { App } from '@slack/bolt';
import { z } from 'zod';
import { blockActionSchema } from '../parse/block-action.js';
import { OPEN_FROM_HOME_ACTION, renderHome } from '../views/home.js';
import { openModal } from '../views/open-modal.js';
import type { ListenerDeps } from './deps.js';

const appHomeOpenedSchema = z.object({
  team_id: z.string().min(1),
  event: z.object({
    type: z.literal('app_home_opened'),
    user: z.string().min(1),
    tab: z.string().optional(),
  }),
});

/** Publishes the Home tab each time someone opens it, so it is never stale; its button opens the triage modal. */
export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ body, client }) => {
    const parsed = appHomeOpenedSchema.safeParse(body);
    if (!parsed.success || (parsed.data.event.tab ?? 'home') !== 'home') return;
    const incidents = await deps.store.listOpen(parsed.data.team_id, 100);
    await client.views.publish({
      user_id: parsed.data.event.user,
      view: renderHome(parsed.data.event.user, incidents, deps.config.slack.command),
    });
  });

  app.action(OPEN_FROM_HOME_ACTION, async ({ body, ack, client }) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    if (!parsed.success || !parsed.data.trigger_id)
      return deps.logger.warn({ issues: parsed.error?.issues }, 'home button did not parse');
    await client.views.open({
      trigger_id: parsed.data.trigger_id,
      view: openModal({ channel: '', duplicateAcknowledged: false }),
    });
  });
}
