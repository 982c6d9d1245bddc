import type { App } from '@slack/bolt';
import type { View } from '@slack/types';
import type { CommandRequest } from '../../../app/commands/command-core.js';
import { type Capability, type IncidentState, permission } from '../../../domain/index.js';
import { modalMetadataSchema } from '../parse/modal-metadata.js';
import { inputText } from '../parse/view-submission.js';
import { ADD_HYPOTHESIS_ACTION, LIFT_HOLD_ACTION } from '../views/header.js';
import { ADD_HYPOTHESIS_MODAL, addHypothesisModal, LIFT_HOLD_MODAL, liftHoldModal } from '../views/modals.js';
import { REOPEN_ACTION, REOPEN_MODAL, reopenModal } from '../views/reopen-modal.js';
import { SERVICE_MODAL, SET_SERVICE_ACTION, serviceModal } from '../views/service-modal.js';
import type { ListenerDeps } from './deps.js';
import { onBlockAction } from './kit/block-action.js';
import { onViewSubmission } from './kit/view-submission.js';

type Opened = Exclude<IncidentState, { status: 'none' }>;

interface TextModal {
  readonly button: string;
  readonly callbackId: string;
  readonly view: (metadata: { incidentId: string }, state: Opened) => View;
  /** Asked before opening the modal, so nobody fills in a form they may not submit. */
  readonly capability?: Capability;
  /** Why the form cannot be used at this stage, if it cannot (the domain would refuse it anyway). */
  readonly unavailable?: (state: Opened) => string | null;
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
  {
    button: SET_SERVICE_ACTION,
    callbackId: SERVICE_MODAL,
    view: serviceModal,
    capability: 'set_service',
    command: (service, base) => ({ type: 'SetService', ...base, service }),
  },
  {
    button: REOPEN_ACTION,
    callbackId: REOPEN_MODAL,
    view: reopenModal,
    capability: 'reopen',
    unavailable: (state) =>
      state.status === 'resolved'
        ? null
        : state.status === 'closed'
          ? 'This incident cannot be reopened: its postmortem is recorded; open a new incident.'
          : 'This incident is still open; there is nothing to reopen.',
    command: (reason, base) => ({ type: 'Reopen', ...base, reason }),
  },
];

/** Buttons that open a one-field modal (on the header, the resolution message), and their submissions. */
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
        if (incident.state.status === 'none') return { reply: 'There is no incident here.' };
        const unavailable = modal.unavailable?.(incident.state);
        if (unavailable) return { reply: unavailable };
        return { modal: modal.view({ incidentId: incident.id }, incident.state) };
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
