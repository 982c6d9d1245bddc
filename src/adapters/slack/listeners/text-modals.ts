import type { App } from '@slack/bolt';
import type { IncidentCommand } from '../../../domain/index.js';
import { permission } from '../../../domain/index.js';
import { blockActionSchema, teamOf } from '../parse/block-action.js';
import { inputText, modalMetadata, viewSubmissionSchema } from '../parse/view-submission.js';
import { ADD_HYPOTHESIS_ACTION, LIFT_HOLD_ACTION } from '../views/header.js';
import { ADD_HYPOTHESIS_MODAL, addHypothesisModal, LIFT_HOLD_MODAL, liftHoldModal } from '../views/modals.js';
import type { ListenerDeps } from './deps.js';
import { replyPrivately } from './reply.js';

interface TextModal {
  readonly button: string;
  readonly callbackId: string;
  readonly view: typeof liftHoldModal;
  /** Asked before opening the modal, so nobody fills in a form they may not submit. */
  readonly capability?: Parameters<typeof permission>[2];
  readonly command: (
    text: string,
    base: { actor: string; now: string },
    newId: () => string,
  ) => IncidentCommand;
}

const MODALS: readonly TextModal[] = [
  {
    button: LIFT_HOLD_ACTION,
    callbackId: LIFT_HOLD_MODAL,
    view: liftHoldModal,
    capability: 'lift_hold',
    command: (reason, base) => ({ type: 'LiftHold', ...base, reason }),
  },
  {
    button: ADD_HYPOTHESIS_ACTION,
    callbackId: ADD_HYPOTHESIS_MODAL,
    view: addHypothesisModal,
    command: (text, base, newId) => ({ type: 'ProposeHypothesis', ...base, hypothesisId: newId(), text }),
  },
];

/** Header buttons that open a one-field modal, and the submissions of those modals. */
export function registerTextModals(app: App, deps: ListenerDeps): void {
  for (const modal of MODALS) {
    app.action(modal.button, async ({ body, ack, client, respond }) => {
      await ack();
      const parsed = blockActionSchema.safeParse(body);
      const teamId = parsed.success ? teamOf(parsed.data) : null;
      const channelId = parsed.success
        ? (parsed.data.container.channel_id ?? parsed.data.channel?.id)
        : undefined;
      if (!parsed.success || !teamId || !channelId || !parsed.data.trigger_id) {
        deps.logger.warn(
          { issues: parsed.error?.issues, action: modal.button },
          'button payload did not parse',
        );
        return replyPrivately(respond, 'Sorry, I could not read that button. Please try again.', deps.logger);
      }
      const incident = await deps.store.findByChannel(teamId, channelId);
      if (!incident)
        return replyPrivately(respond, 'This button belongs to no incident I know of.', deps.logger);
      if (modal.capability) {
        const allowed = permission(incident.state, parsed.data.user.id, modal.capability);
        if (!allowed.allowed) return replyPrivately(respond, allowed.rejection.message, deps.logger);
      }
      await client.views.open({
        trigger_id: parsed.data.trigger_id,
        view: modal.view({ incidentId: incident.id }),
      });
    });

    app.view(modal.callbackId, async ({ body, ack }) => {
      const parsed = viewSubmissionSchema.safeParse(body);
      const metadata = parsed.success ? modalMetadata(parsed.data) : null;
      if (!parsed.success || !metadata) {
        deps.logger.warn(
          { issues: parsed.error?.issues, callbackId: modal.callbackId },
          'modal submission did not parse',
        );
        await ack({
          response_action: 'errors',
          errors: { text: 'Sorry, I could not read this form. Close it and try again.' },
        });
        return;
      }
      const base = { actor: parsed.data.user.id, now: deps.clock.now().toISOString() };
      const outcome = await deps.handleCommand(
        metadata.incidentId,
        modal.command(inputText(parsed.data, 'text'), base, deps.newId),
      );
      // A refusal is shown on the field, in the open modal, where the person can fix it.
      if (!outcome.ok) await ack({ response_action: 'errors', errors: { text: outcome.rejection.message } });
      else await ack();
    });
  }
}
