import type { App } from '@slack/bolt';
import { z } from 'zod';
import { timerPolicyFrom } from '../../../app/timer-policy.js';
import { addMilliseconds } from '../../../domain/index.js';
import { inputText, modalMetadata, viewSubmissionSchema } from '../parse/view-submission.js';
import { slackDate } from '../views/format.js';
import { POST_UPDATE_ACTION } from '../views/header.js';
import { DRAFT_UPDATE_ACTION, SNOOZE_NUDGE_ACTION } from '../views/timer-messages.js';
import { UPDATE_MODAL, updateModal } from '../views/update-modal.js';
import type { ListenerDeps } from './deps.js';
import { locateIncident } from './locate-incident.js';
import { replyPrivately } from './reply.js';

const snoozeSchema = z.object({ actions: z.array(z.object({ value: z.enum(['15', '30', '60']) })).min(1) });
const nextSchema = z
  .object({
    next: z.object({
      choice: z.object({ selected_option: z.object({ value: z.string() }).nullish() }).passthrough(),
    }),
  })
  .passthrough();

const channelSchema = z
  .object({
    channel: z
      .object({ channel: z.object({ selected_conversation: z.string().nullish() }).passthrough() })
      .optional(),
  })
  .passthrough();

/** Stakeholder updates: the draft modal (from the header, the nudge, or `/incident update`) and snoozing a nudge. */
export function registerStakeholderUpdate(app: App, deps: ListenerDeps): void {
  const policy = timerPolicyFrom(deps.config.timing);

  for (const actionId of [DRAFT_UPDATE_ACTION, POST_UPDATE_ACTION]) {
    app.action(actionId, async ({ body, ack, client, respond }) => {
      await ack();
      const where = await locateIncident(deps, body);
      if (!where || where.incident.state.status === 'none')
        return replyPrivately(respond, 'This button belongs to no incident I know of.', deps.logger);
      if (where.triggerId)
        await client.views.open({
          trigger_id: where.triggerId,
          view: updateModal(
            { incidentId: where.incidentId },
            where.incident.state,
            deps.clock.now().toISOString(),
            policy,
          ),
        });
    });
  }

  app.action(new RegExp(`^${SNOOZE_NUDGE_ACTION.replace('.', '\\.')}\\.`), async ({ body, ack, respond }) => {
    await ack();
    const where = await locateIncident(deps, body);
    const snooze = snoozeSchema.safeParse(body);
    if (!where || !snooze.success)
      return replyPrivately(
        respond,
        'I cannot tell which nudge this was; try the header instead.',
        deps.logger,
      );
    const minutes = Number(snooze.data.actions[0]?.value) as 15 | 30 | 60;
    const outcome = await deps.handleCommand(where.incidentId, {
      type: 'SnoozeUpdateNudge',
      actor: where.userId,
      now: deps.clock.now().toISOString(),
      minutes,
    });
    const until = addMilliseconds(deps.clock.now().toISOString(), minutes * 60_000);
    await replyPrivately(
      respond,
      outcome.ok
        ? `Snoozed: the next nudge comes ${slackDate(until)} at the earliest.`
        : outcome.rejection.message,
      deps.logger,
    );
  });

  app.view(UPDATE_MODAL, async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? modalMetadata(parsed.data) : null;
    const next = nextSchema.safeParse(parsed.data?.view.state.values ?? {});
    if (!parsed.success || !metadata || !next.success)
      return void (await ack({
        response_action: 'errors',
        errors: { text: 'Sorry, I could not read this form. Close it and try again.' },
      }));
    const now = deps.clock.now().toISOString();
    const choice = next.data.next.choice.selected_option?.value ?? 'cadence';
    const minutes = Number(choice);
    const chosen = channelSchema.safeParse(parsed.data.view.state.values).data?.channel?.channel
      .selected_conversation;
    const outcome = await deps.handleCommand(metadata.incidentId, {
      type: 'PostStakeholderUpdate',
      actor: parsed.data.user.id,
      now,
      text: inputText(parsed.data, 'text'),
      nextUpdateBy: Number.isFinite(minutes) && minutes > 0 ? addMilliseconds(now, minutes * 60_000) : null,
      expectedResolution: null,
      alsoPostTo: chosen ?? null,
    });
    if (!outcome.ok)
      return void (await ack({ response_action: 'errors', errors: { text: outcome.rejection.message } }));
    await ack();
  });
}
