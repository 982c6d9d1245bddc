import type { App } from '@slack/bolt';
import { z } from 'zod';
import { permission } from '../../../domain/index.js';
import { inputText, modalMetadata, viewSubmissionSchema } from '../parse/view-submission.js';
import { RESOLVE_ACTION } from '../views/header.js';
import { RESOLVE_MODAL, resolveModal } from '../views/resolve-modal.js';
import type { ListenerDeps } from './deps.js';
import { locateIncident } from './locate-incident.js';
import { replyPrivately } from './reply.js';

const pickedSchema = z.object({
  impact_ended: z
    .object({ at: z.object({ selected_date_time: z.number().nullish() }).passthrough() })
    .optional(),
  postmortem: z
    .object({
      wanted: z
        .object({ selected_options: z.array(z.object({ value: z.string() })).nullish() })
        .passthrough(),
    })
    .optional(),
});

/** The header's Resolve button (the commander's call) and the resolve modal's submission. */
export function registerResolve(app: App, deps: ListenerDeps): void {
  app.action(RESOLVE_ACTION, async ({ body, ack, client, respond }) => {
    await ack();
    const where = await locateIncident(deps, body);
    if (!where || where.incident.state.status === 'none')
      return replyPrivately(respond, 'This button belongs to no incident I know of.', deps.logger);
    const allowed = permission(where.incident.state, where.userId, 'resolve');
    if (!allowed.allowed) return replyPrivately(respond, allowed.rejection.message, deps.logger);
    if (where.triggerId)
      await client.views.open({
        trigger_id: where.triggerId,
        view: resolveModal({ incidentId: where.incidentId }, where.incident.state.severity),
      });
  });

  app.view(RESOLVE_MODAL, async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? modalMetadata(parsed.data) : null;
    const picked = pickedSchema.safeParse(parsed.data?.view.state.values ?? {});
    if (!parsed.success || !metadata || !picked.success) {
      deps.logger.warn(
        { issues: parsed.error?.issues ?? picked.error?.issues },
        'resolve submission did not parse',
      );
      return void (await ack({
        response_action: 'errors',
        errors: { summary: 'Sorry, I could not read this form. Close it and try again.' },
      }));
    }
    const seconds = picked.data.impact_ended?.at.selected_date_time;
    const incident = await deps.store.findById(metadata.incidentId);
    const now = deps.clock.now();
    const impactEndedAt =
      typeof seconds === 'number' && incident && incident.state.status !== 'none'
        ? withinPickerPrecision(new Date(seconds * 1000), new Date(incident.state.openedAt), now)
        : null;
    const outcome = await deps.handleCommand(metadata.incidentId, {
      type: 'Resolve',
      actor: parsed.data.user.id,
      now: now.toISOString(),
      summary: inputText(parsed.data, 'summary'),
      impactEndedAt,
      postmortemWanted: (picked.data.postmortem?.wanted.selected_options ?? []).some(
        (o) => o.value === 'wanted',
      ),
    });
    if (outcome.ok) return void (await ack());
    const field = /impact/i.test(outcome.rejection.message) ? 'impact_ended' : 'summary';
    await ack({ response_action: 'errors', errors: { [field]: outcome.rejection.message } });
  });
}

const PICKER_PRECISION_MS = 60_000;

/**
 * Slack's date-time picker works in whole minutes: picking the minute the incident opened (or the
 * current minute) lands just outside the incident. Within that precision, take the nearest instant
 * inside it; anything further off is left for the domain to refuse.
 */
export function withinPickerPrecision(picked: Date, openedAt: Date, now: Date): string {
  if (picked < openedAt && openedAt.getTime() - picked.getTime() < PICKER_PRECISION_MS)
    return openedAt.toISOString();
  if (picked > now && picked.getTime() - now.getTime() < PICKER_PRECISION_MS) return now.toISOString();
  return picked.toISOString();
}
