import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { CommandRequest } from '../../../app/commands/command-core.js';
import { ACTION_OPS, actionMetadataSchema, modalMetadataSchema } from '../parse/modal-metadata.js';
import { inputText, selectedUser } from '../parse/view-submission.js';
import {
  ADD_ACTION_MODAL,
  addActionModal,
  UPDATE_ACTION_MODAL,
  updateActionModal,
} from '../views/action-modals.js';
import { ADD_ACTION_ACTION } from '../views/header.js';
import { MARK_ACTION_ACTION } from '../views/header-work.js';
import type { ListenerDeps } from './deps.js';
import { onBlockAction, UNKNOWN_CONTROL } from './kit/block-action.js';
import { chosen } from './kit/menu.js';
import { onViewSubmission } from './kit/view-submission.js';

const markSchema = z.enum(['start', ...ACTION_OPS]);

/** Adding actions from the header, and the menu on each open action: start, done, abandon, reassign. */
export function registerActionLifecycle(app: App, deps: ListenerDeps): void {
  onBlockAction(app, deps, {
    actionId: ADD_ACTION_ACTION,
    locate: 'channel',
    react: ({ incident, userId }) => ({ modal: addActionModal({ incidentId: incident.id }, userId) }),
  });

  onViewSubmission(app, deps, {
    callbackId: ADD_ACTION_MODAL,
    metadata: modalMetadataSchema,
    fallbackBlock: 'text',
    fields: { action: 'text', owner: 'owner' },
    noticeTitle: 'Action proposed',
    toCommand: ({ submission, actor, now, idFor }) => ({
      command: {
        type: 'StartAction',
        actor,
        now,
        actionId: idFor(),
        text: inputText(submission, 'text'),
        owner: selectedUser(submission, 'owner') ?? actor,
        hypothesisId: null,
      },
    }),
  });

  onBlockAction(app, deps, {
    actionId: MARK_ACTION_ACTION,
    locate: 'channel',
    react: ({ payload, incident, userId, now }) => {
      const [mark, actionId] = chosen(payload);
      const op = markSchema.safeParse(mark);
      const action =
        incident.state.status !== 'none' ? incident.state.actions.find((a) => a.id === actionId) : undefined;
      if (!op.success || !action) return { reply: UNKNOWN_CONTROL };
      if (op.data === 'start')
        return { command: { type: 'StartProposedAction', actor: userId, now, actionId: action.id } };
      return {
        modal: updateActionModal({ incidentId: incident.id, actionId: action.id, op: op.data }, action.text),
      };
    },
  });

  onViewSubmission(app, deps, {
    callbackId: UPDATE_ACTION_MODAL,
    metadata: actionMetadataSchema,
    fallbackBlock: 'text',
    fields: { owner: 'owner', outcome: 'text', reason: 'text' },
    toCommand: ({ submission, metadata, actor, now }) => {
      const base = { actor, now, actionId: metadata.actionId };
      const text = inputText(submission, 'text');
      const command: CommandRequest['command'] =
        metadata.op === 'done'
          ? { type: 'CompleteAction', ...base, outcome: text || null }
          : metadata.op === 'abandon'
            ? { type: 'AbandonAction', ...base, reason: text }
            : { type: 'ReassignAction', ...base, owner: selectedUser(submission, 'owner') ?? '' };
      return { command };
    },
  });
}
