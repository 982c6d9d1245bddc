import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { blockActionSchema } from '../parse/block-action.js';
import { figureBlocks } from '../views/figures.js';
import { OPEN_FROM_HOME_ACTION, renderHome } from '../views/home.js';
import { openModal } from '../views/open-modal.js';
import type { ListenerDeps } from './deps.js';
import { loadFigures } from './load-figures.js';

const appHomeOpenedSchema = z.object({
  team_id: z.string().min(1),
  event: z.object({
    type: z.literal('app_home_opened'),
    user: z.string().min(1),
    tab: z.string().optional(),
  }),
});

/** Renders and publishes one person's Home tab from the current state. */
export async function publishHome(deps: ListenerDeps, client: WebClient, teamId: string, userId: string) {
  const incidents = await deps.store.listOpen(teamId, 100);
  const followUps = await deps.store.listOpenFollowUpsOf(teamId, userId);
  await client.views.publish({
    user_id: userId,
    view: renderHome(userId, incidents, deps.config.slack.command, {
      followUps,
      figures: figureBlocks(await loadFigures(deps, teamId)),
    }),
  });
}

/** Publishes the Home tab each time someone opens it, so it is never stale; its button opens the triage modal. */
export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ body, client }) => {
    const parsed = appHomeOpenedSchema.safeParse(body);
    if (!parsed.success || (parsed.data.event.tab ?? 'home') !== 'home') return;
    await publishHome(deps, client, parsed.data.team_id, parsed.data.event.user);
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
