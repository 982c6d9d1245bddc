import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { loadFigures } from '../../../app/load-figures.js';
import { canSee } from '../../../domain/index.js';
import { blockActionSchema, teamOf } from '../parse/block-action.js';
import { figureBlocks } from '../views/figures.js';
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

/**
 * Renders and publishes one person's Home tab from the current state: the open incidents they may
 * see (a private one only to the people working it), their follow-ups, the figures.
 */
export async function publishHome(deps: ListenerDeps, client: WebClient, teamId: string, userId: string) {
  const incidents = (await deps.store.listOpen(teamId, 100)).filter(
    (i) => i.state.status !== 'none' && canSee(i.state, { userId, inChannel: false }),
  );
  const followUps = await deps.store.listOpenFollowUpsOf(teamId, userId);
  const figures = await loadFigures(
    { store: deps.store, policy: deps.policy, timezone: deps.config.timezone },
    teamId,
    deps.clock.now(),
  );
  await client.views.publish({
    user_id: userId,
    view: renderHome(userId, incidents, deps.config.slack.command, {
      followUps,
      figures: figureBlocks(figures),
    }),
  });
}

/** Publishes the Home tab each time someone opens it, so it is never stale; its button opens the triage modal. */
export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ body }) => {
    const parsed = appHomeOpenedSchema.safeParse(body);
    if (!parsed.success || (parsed.data.event.tab ?? 'home') !== 'home') return;
    const { team_id: teamId, event } = parsed.data;
    // Slack has its answer at once; the Home tab follows (it reads the database and calls Slack).
    deps.later({ what: 'publishing App Home', teamId, userId: event.user }, async () =>
      publishHome(deps, await deps.clientFor(teamId), teamId, event.user),
    );
  });

  app.action(OPEN_FROM_HOME_ACTION, async ({ body, ack }) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    const triggerId = parsed.success ? parsed.data.trigger_id : undefined;
    if (!triggerId) return deps.logger.warn({ issues: parsed.error?.issues }, 'home button did not parse');
    const teamId = parsed.success ? (teamOf(parsed.data) ?? '') : '';
    deps.later({ what: 'opening the triage form from Home' }, async () =>
      (await deps.clientFor(teamId)).views.open({
        trigger_id: triggerId,
        view: openModal({ channel: '', duplicateAcknowledged: false }),
      }),
    );
  });
}
