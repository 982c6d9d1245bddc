import type { App } from '@slack/bolt';
import type { FollowUp } from '../../../domain/index.js';
import type { BlockAction } from '../parse/block-action.js';
import { dropFollowUpMetadataSchema } from '../parse/modal-metadata.js';
import { inputText } from '../parse/view-submission.js';
import { DROP_FOLLOW_UP_MODAL, dropFollowUpModal } from '../views/drop-follow-up-modal.js';
import { inline } from '../views/format.js';
import { FOLLOW_UP_DONE_ACTION, FOLLOW_UP_DROP_ACTION } from '../views/postmortem-messages.js';
import { FOLLOW_UP_CHOICE_ACTION } from '../views/weekly-review.js';
import { publishHome } from './app-home.js';
import type { ListenerDeps } from './deps.js';
import { type Click, onBlockAction, type Reaction } from './kit/block-action.js';
import { chosen } from './kit/menu.js';
import { onViewSubmission } from './kit/view-submission.js';

const GONE: Reaction = { reply: 'I cannot find that follow-up any more.' };

/**
 * Follow-ups marked done or dropped (with a reason) by their owners or the incident's commander,
 * from the reminder, the recorded postmortem, the weekly review (a menu per owner) or App Home
 * (which is re-published after the change).
 */
export function registerFollowUps(app: App, deps: ListenerDeps): void {
  const followUpOf = (click: Click): FollowUp | undefined =>
    click.incident.state.status === 'closed'
      ? click.incident.state.followUps.find((f) => f.id === click.thingId)
      : undefined;

  const done = (click: Click): Reaction => {
    const followUp = followUpOf(click);
    if (!followUp) return GONE;
    return {
      command: { type: 'CompleteFollowUp', actor: click.userId, now: click.now, followUpId: followUp.id },
      answer: () => `Marked done: ${inline(followUp.title, 150)}. Thank you.`,
    };
  };
  const askWhyDrop = (click: Click): Reaction => {
    const followUp = followUpOf(click);
    if (!followUp) return GONE;
    return {
      modal: dropFollowUpModal({ incidentId: click.incident.id, followUpId: followUp.id }, followUp.title),
    };
  };
  const refreshHome = (click: Click) => publishHome(deps, click.client, click.teamId, click.userId);

  onBlockAction(app, deps, { actionId: FOLLOW_UP_DONE_ACTION, locate: 'value', react: done, refreshHome });
  onBlockAction(app, deps, { actionId: FOLLOW_UP_DROP_ACTION, locate: 'value', react: askWhyDrop });
  // The weekly review's menu: `done|<incident>|<follow-up>` or `drop|…`.
  onBlockAction(app, deps, {
    actionId: FOLLOW_UP_CHOICE_ACTION,
    locate: 'value',
    valueFrom: (payload: BlockAction) => chosen(payload).slice(1).join('|'),
    refreshHome,
    react: (click) => {
      const [op] = chosen(click.payload);
      return op === 'done'
        ? done(click)
        : op === 'drop'
          ? askWhyDrop(click)
          : { reply: 'I did not understand that choice.' };
    },
  });

  onViewSubmission(app, deps, {
    callbackId: DROP_FOLLOW_UP_MODAL,
    metadata: dropFollowUpMetadataSchema,
    fallbackBlock: 'reason',
    toCommand: ({ submission, metadata, actor, now }) => ({
      command: {
        type: 'DropFollowUp',
        actor,
        now,
        followUpId: metadata.followUpId,
        reason: inputText(submission, 'reason'),
      },
    }),
    afterAck: (outcome, { submission, client }) =>
      publishHome(deps, client, outcome.incident.teamId, submission.user.id),
  });
}
