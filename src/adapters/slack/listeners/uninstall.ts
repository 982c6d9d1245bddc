import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { ListenerDeps, UninstalledWorkspace } from './deps.js';

// Bolt skips authorizing these two events (the token may already be gone): read the envelope itself.
const envelopeSchema = z
  .object({
    team_id: z.string().nullish(),
    enterprise_id: z.string().nullish(),
    authorizations: z
      .array(z.object({ is_enterprise_install: z.boolean().nullish() }).passthrough())
      .nullish(),
    event: z
      .object({
        type: z.string(),
        tokens: z
          .object({ bot: z.array(z.string()).nullish() })
          .passthrough()
          .nullish(),
      })
      .passthrough(),
  })
  .passthrough();

/**
 * `app_uninstalled` and `tokens_revoked` (of the bot's token): the workspace's installation goes, its
 * pending Slack effects are given up and its timers do nothing from then on. A revoked user token
 * alone changes nothing: the bot works with its own.
 */
export function registerUninstall(app: App, deps: ListenerDeps): void {
  const gone = async (body: unknown, why: UninstalledWorkspace['why']) => {
    const parsed = envelopeSchema.safeParse(body);
    if (!parsed.success) return deps.logger.warn({ issues: parsed.error.issues }, `${why} did not parse`);
    const envelope = parsed.data;
    if (why === 'tokens_revoked' && (envelope.event.tokens?.bot ?? []).length === 0) return;
    const workspace: UninstalledWorkspace = {
      teamId: envelope.team_id ?? null,
      enterpriseId: envelope.enterprise_id ?? null,
      isEnterpriseInstall: envelope.authorizations?.[0]?.is_enterprise_install === true,
      why,
    };
    deps.logger.info({ ...workspace }, 'the app lost its access to a workspace');
    await deps.onUninstalled?.(workspace);
  };
  app.event('app_uninstalled', async ({ body }) => gone(body, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ body }) => gone(body, 'tokens_revoked'));
}
