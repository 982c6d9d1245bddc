import type { App } from '@slack/bolt';
import type { View } from '@slack/types';
import type { CommandRequest } from '../../../app/commands/command-core.js';
import { type Capability, permission } from '../../../domain/index.js';
import { modalMetadataSchema } from '../parse/modal-metadata.js';
import { inputText } from '../parse/view-submission.js';
import { ADD_HYPOTHESIS_ACTION, LIFT_HOLD_ACTION } from '../views/header.js';
import { ADD_HYPOTHESIS_MODAL, addHypothesisModal, LIFT_HOLD_MODAL, liftHoldModal } from '../views/modals.js';
import type { ListenerDeps } from './deps.js';
import { onBlockAction } from './kit/block-action.js';
import { onViewSubmission } from './kit/view-submission.js';

interface TextModal {
  readonly button: string;
  readonly callbackId: string;
  readonly view: (metadata: { incidentId: string }) => View;
  /** Asked before opening the modal, so nobody fills in a form they may not submit. */
  readonly capability?: Capability;
  readonly command: (
    text: string,
    base: { actor: string; now: string },
    id: string,
  ) => CommandRequest['command'];
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
    command: (text, base, id) => ({ type: 'ProposeHypothesis', ...base, hypothesisId: id, text }),
  },
];

/** Header buttons that open a one-field modal, and the submissions of those modals. */
export function registerTextModals(app: App, deps: ListenerDeps): void {
  for (const modal of MODALS) {
    onBlockAction(app, deps, {
      actionId: modal.button,
      locate: 'channel',
      react: ({ incident, userId }) => {
        if (modal.capability) {
          const allowed = permission(incident.state, userId, modal.capability);
          if (!allowed.allowed) return { reply: allowed.rejection.message };
        }
        return { modal: modal.view({ incidentId: incident.id }) };
      },
    });
    onViewSubmission(app, deps, {
      callbackId: modal.callbackId,
      metadata: modalMetadataSchema,
      fallbackBlock: 'text',
      toCommand: ({ submission, actor, now, idFor }) => ({
        command: modal.command(inputText(submission, 'text'), { actor, now }, idFor()),
      }),
    });
  }
}
