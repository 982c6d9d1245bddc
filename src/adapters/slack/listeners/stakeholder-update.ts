import type { App } from '@slack/bolt';
import { z } from 'zod';
import { addMilliseconds, SNOOZE_CHOICES } from '../../../domain/index.js';
import { modalMetadataSchema } from '../parse/modal-metadata.js';
import { inputText } from '../parse/view-submission.js';
import { composeUpdate } from '../views/compose-update.js';
import { slackDate } from '../views/format.js';
import { POST_UPDATE_ACTION } from '../views/header.js';
import { DRAFT_UPDATE_ACTION, SNOOZE_NUDGE_ACTION } from '../views/timer-messages.js';
import { UPDATE_MODAL, updateModal } from '../views/update-modal.js';
import type { ListenerDeps } from './deps.js';
import { onBlockAction } from './kit/block-action.js';
import { onViewSubmission } from './kit/view-submission.js';

const snoozeSchema = z.coerce.number().pipe(z.union(SNOOZE_CHOICES.map((m) => z.literal(m))));
const formSchema = z
  .object({
    next: z
      .object({
        choice: z.object({ selected_option: z.object({ value: z.string() }).nullish() }).passthrough(),
      })
      .optional(),
    channel: z
      .object({ channel: z.object({ selected_conversation: z.string().nullish() }).passthrough() })
      .optional(),
  })
  .passthrough();

/** Stakeholder updates: the draft modal (from the header, the nudge, or `/incident update`) and snoozing a nudge. */
export function registerStakeholderUpdate(app: App, deps: ListenerDeps): void {
  for (const actionId of [DRAFT_UPDATE_ACTION, POST_UPDATE_ACTION]) {
    onBlockAction(app, deps, {
      actionId,
      locate: 'channel',
      react: ({ incident, now }) =>
        incident.state.status === 'none'
          ? { reply: 'There is no incident here.' }
          : {
              modal: updateModal(
                { incidentId: incident.id },
                incident.state,
                now,
                deps.policy,
                deps.config.timezone,
              ),
            },
    });
  }

  onBlockAction(app, deps, {
    actionId: new RegExp(`^${SNOOZE_NUDGE_ACTION.replace('.', '\\.')}\\.`),
    locate: 'channel',
    react: ({ action, userId, now }) => {
      const minutes = snoozeSchema.safeParse(action.value);
      if (!minutes.success) return { reply: 'I cannot tell which nudge this was; try the header instead.' };
      return {
        command: { type: 'SnoozeUpdateNudge', actor: userId, now, minutes: minutes.data },
        answer: () =>
          `Snoozed: the next nudge comes ${slackDate(addMilliseconds(now, minutes.data * 60_000))} at the earliest.`,
      };
    },
  });

  onViewSubmission(app, deps, {
    callbackId: UPDATE_MODAL,
    metadata: modalMetadataSchema,
    fallbackBlock: 'text',
    fields: { update: 'text', nextUpdateBy: 'next', expectedResolution: 'expected' },
    toCommand: async ({ submission, metadata, actor, now }, deps) => {
      const form = formSchema.safeParse(submission.view.state.values).data;
      const minutes = Number(form?.next?.choice.selected_option?.value ?? 'cadence');
      const chosen = Number.isFinite(minutes) && minutes > 0 ? addMilliseconds(now, minutes * 60_000) : null;
      const expected = inputText(submission, 'expected').trim();
      const incident = await deps.store.findById(metadata.incidentId);
      const composed =
        incident && incident.state.status !== 'none'
          ? composeUpdate(incident.state, inputText(submission, 'text'), {
              now,
              chosen,
              expectedResolution: expected === '' ? null : expected,
              policy: deps.policy,
              zone: deps.config.timezone,
            })
          : { text: inputText(submission, 'text'), nextUpdateBy: chosen };
      if ('error' in composed) return { errors: { text: composed.error } };
      return {
        command: {
          type: 'PostStakeholderUpdate',
          actor,
          now,
          text: composed.text,
          nextUpdateBy: composed.nextUpdateBy,
          expectedResolution: expected === '' ? null : expected,
          alsoPostTo: form?.channel?.channel.selected_conversation ?? null,
        },
      };
    },
  });
}
