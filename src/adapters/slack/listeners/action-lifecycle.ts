import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { IncidentCommand } from '../../../domain/index.js';
import {
  inputText,
  metadataOf,
  modalMetadata,
  selectedUser,
  viewSubmissionSchema,
} from '../parse/view-submission.js';
import {
  ADD_ACTION_MODAL,
  addActionModal,
  noticeView,
  UPDATE_ACTION_MODAL,
  updateActionModal,
} from '../views/action-modals.js';
import { ADD_ACTION_ACTION } from '../views/header.js';
import { MARK_ACTION_ACTION } from '../views/header-work.js';
import type { ListenerDeps } from './deps.js';
import { locateIncident } from './locate-incident.js';
import { replyPrivately } from './reply.js';

const markSchema = z.object({
  actions: z
    .array(
      z.object({
        selected_option: z.object({ value: z.string().regex(/^(start|done|abandon|reassign)\|.+$/) }),
      }),
    )
    .min(1),
});
const metadataSchema = z.object({
  incidentId: z.string().uuid(),
  actionId: z.string().min(1),
  op: z.enum(['done', 'abandon', 'reassign']),
});

/** Adding actions from the header, and the menu on each open action: start, done, abandon, reassign. */
export function registerActionLifecycle(app: App, deps: ListenerDeps): void {
  app.action(ADD_ACTION_ACTION, async ({ body, ack, client, respond }) => {
    await ack();
    const where = await locateIncident(deps, body);
    if (!where) return replyPrivately(respond, 'This button belongs to no incident I know of.', deps.logger);
    if (where.triggerId)
      await client.views.open({
        trigger_id: where.triggerId,
        view: addActionModal({ incidentId: where.incidentId }, where.userId),
      });
  });

  app.view(ADD_ACTION_MODAL, async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? modalMetadata(parsed.data) : null;
    if (!parsed.success || !metadata)
      return void (await ack({
        response_action: 'errors',
        errors: { text: 'Sorry, I could not read this form.' },
      }));
    const outcome = await deps.handleCommand(metadata.incidentId, {
      type: 'StartAction',
      actor: parsed.data.user.id,
      now: deps.clock.now().toISOString(),
      actionId: deps.newId(),
      text: inputText(parsed.data, 'text'),
      owner: selectedUser(parsed.data, 'owner') ?? parsed.data.user.id,
      hypothesisId: null,
    });
    if (!outcome.ok)
      return void (await ack({ response_action: 'errors', errors: { text: outcome.rejection.message } }));
    // Kept as proposed during the hold: say so in place of the form rather than closing silently.
    if (outcome.notice)
      return void (await ack({
        response_action: 'update',
        view: noticeView('Action proposed', outcome.notice.message),
      }));
    await ack();
  });

  app.action(MARK_ACTION_ACTION, async ({ body, ack, client, respond }) => {
    await ack();
    const where = await locateIncident(deps, body);
    const mark = markSchema.safeParse(body);
    const [op, actionId] = mark.success ? (mark.data.actions[0]?.selected_option.value.split('|') ?? []) : [];
    const action =
      where?.incident.state.status !== 'none'
        ? where?.incident.state.actions.find((a) => a.id === actionId)
        : undefined;
    if (!where || !action || !op)
      return replyPrivately(
        respond,
        'I cannot find that action any more; the header may be out of date.',
        deps.logger,
      );
    if (op === 'start') {
      const outcome = await deps.handleCommand(where.incidentId, {
        type: 'StartProposedAction',
        actor: where.userId,
        now: deps.clock.now().toISOString(),
        actionId: action.id,
      });
      if (!outcome.ok) await replyPrivately(respond, outcome.rejection.message, deps.logger);
      return;
    }
    const metadata = metadataSchema.parse({ incidentId: where.incidentId, actionId: action.id, op });
    if (where.triggerId)
      await client.views.open({
        trigger_id: where.triggerId,
        view: updateActionModal(metadata, action.text),
      });
  });

  app.view(UPDATE_ACTION_MODAL, async ({ body, ack }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? metadataOf(parsed.data, metadataSchema) : null;
    if (!parsed.success || !metadata)
      return void (await ack({
        response_action: 'errors',
        errors: { text: 'Sorry, I could not read this form.' },
      }));
    const base = {
      actor: parsed.data.user.id,
      now: deps.clock.now().toISOString(),
      actionId: metadata.actionId,
    };
    const command: IncidentCommand =
      metadata.op === 'done'
        ? { type: 'CompleteAction', ...base, outcome: inputText(parsed.data, 'text') || null }
        : metadata.op === 'abandon'
          ? { type: 'AbandonAction', ...base, reason: inputText(parsed.data, 'text') }
          : { type: 'ReassignAction', ...base, owner: selectedUser(parsed.data, 'owner') ?? '' };
    const outcome = await deps.handleCommand(metadata.incidentId, command);
    if (!outcome.ok)
      return void (await ack({
        response_action: 'errors',
        errors: { [metadata.op === 'reassign' ? 'owner' : 'text']: outcome.rejection.message },
      }));
    await ack();
  });
}
