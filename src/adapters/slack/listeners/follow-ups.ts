import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { blockActionSchema, teamOf } from '../parse/block-action.js';
import { inputText, metadataOf, viewSubmissionSchema } from '../parse/view-submission.js';
import { DROP_FOLLOW_UP_MODAL, dropFollowUpModal } from '../views/drop-follow-up-modal.js';
import { FOLLOW_UP_DONE_ACTION, FOLLOW_UP_DROP_ACTION } from '../views/postmortem-messages.js';
import { FOLLOW_UP_CHOICE_ACTION } from '../views/weekly-review.js';
import { publishHome } from './app-home.js';
import type { ListenerDeps } from './deps.js';
import { locateIncidentByValue } from './locate-incident.js';
import { replyPrivately } from './reply.js';

const dropMetadata = z.object({ incidentId: z.string().uuid(), followUpId: z.string().min(1) });
const choiceSchema = z.object({
  actions: z.array(z.object({ selected_option: z.object({ value: z.string() }) })).min(1),
});
const homeSchema = z.object({
  container: z.object({ type: z.literal('view') }).passthrough(),
  view: z.object({ type: z.literal('home') }).passthrough(),
});

/**
 * Follow-ups marked done or dropped (with a reason) by their owners, from the reminder, the
 * recorded postmortem, the weekly review (a menu per owner) or App Home (which is re-published).
 */
export function registerFollowUps(app: App, deps: ListenerDeps): void {
  async function complete(body: unknown, client: WebClient, respond: RespondFn | undefined, value?: string) {
    const where = await locateIncidentByValue(deps, body, value);
    const followUp =
      where?.incident.state.status === 'closed'
        ? where.incident.state.followUps.find((f) => f.id === where.thingId)
        : undefined;
    if (!where || !followUp)
      return replyPrivately(respond, 'I cannot find that follow-up any more.', deps.logger);
    const outcome = await deps.handleCommand(where.incidentId, {
      type: 'CompleteFollowUp',
      actor: where.userId,
      now: deps.clock.now().toISOString(),
      followUpId: followUp.id,
    });
    await afterChange(
      body,
      client,
      respond,
      outcome.ok ? `Marked done: ${followUp.title}. Thank you.` : outcome.rejection.message,
    );
  }

  async function askWhyDrop(
    body: unknown,
    client: WebClient,
    respond: RespondFn | undefined,
    value?: string,
  ) {
    const where = await locateIncidentByValue(deps, body, value);
    const followUp =
      where?.incident.state.status === 'closed'
        ? where.incident.state.followUps.find((f) => f.id === where.thingId)
        : undefined;
    if (!where?.triggerId || !followUp)
      return replyPrivately(respond, 'I cannot find that follow-up any more.', deps.logger);
    await client.views.open({
      trigger_id: where.triggerId,
      view: dropFollowUpModal({ incidentId: where.incidentId, followUpId: followUp.id }, followUp.title),
    });
  }

  async function afterChange(body: unknown, client: WebClient, respond: RespondFn | undefined, text: string) {
    const action = blockActionSchema.safeParse(body);
    if (action.success && homeSchema.safeParse(body).success)
      return publishHome(deps, client, teamOf(action.data) ?? '', action.data.user.id);
    await replyPrivately(respond, text, deps.logger);
  }

  app.action(FOLLOW_UP_DONE_ACTION, async ({ body, ack, client, respond }) => {
    await ack();
    await complete(body, client, respond);
  });
  app.action(FOLLOW_UP_DROP_ACTION, async ({ body, ack, client, respond }) => {
    await ack();
    await askWhyDrop(body, client, respond);
  });
  // The weekly review's menu: `done|<incident>|<follow-up>` or `drop|…`.
  app.action(FOLLOW_UP_CHOICE_ACTION, async ({ body, ack, client, respond }) => {
    await ack();
    const choice = choiceSchema.safeParse(body);
    const [op, ...rest] = choice.success
      ? (choice.data.actions[0]?.selected_option.value.split('|') ?? [])
      : [];
    if (op === 'done') return complete(body, client, respond, rest.join('|'));
    if (op === 'drop') return askWhyDrop(body, client, respond, rest.join('|'));
    await replyPrivately(respond, 'I did not understand that choice.', deps.logger);
  });

  app.view(DROP_FOLLOW_UP_MODAL, async ({ body, ack, client }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? metadataOf(parsed.data, dropMetadata) : null;
    if (!parsed.success || !metadata)
      return void (await ack({
        response_action: 'errors',
        errors: { reason: 'Sorry, I could not read this form.' },
      }));
    const outcome = await deps.handleCommand(metadata.incidentId, {
      type: 'DropFollowUp',
      actor: parsed.data.user.id,
      now: deps.clock.now().toISOString(),
      followUpId: metadata.followUpId,
      reason: inputText(parsed.data, 'reason'),
    });
    if (!outcome.ok)
      return void (await ack({ response_action: 'errors', errors: { reason: outcome.rejection.message } }));
    await ack();
    const incident = await deps.store.findById(metadata.incidentId);
    if (incident) await publishHome(deps, client, incident.teamId, parsed.data.user.id);
  });
}
