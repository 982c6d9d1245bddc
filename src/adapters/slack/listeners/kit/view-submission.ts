import type { App } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { CommandOutcome, CommandRequest } from '../../../../app/commands/command-core.js';
import type { RejectedField } from '../../../../domain/index.js';
import { metadataOf, type ViewSubmission, viewSubmissionSchema } from '../../parse/view-submission.js';
import { noticeView } from '../../views/action-modals.js';
import type { ListenerDeps } from '../deps.js';
import { failureReply, logFailure, newRef } from './failure.js';
import { inTime } from './in-time.js';

/** What a form's submission turns into: a command for the incident, or errors to show on the form. */
export type Submitted =
  | { readonly command: CommandRequest['command'] }
  | { readonly errors: Readonly<Record<string, string>> };

export interface SubmissionInput<M> {
  readonly submission: ViewSubmission;
  readonly metadata: M;
  readonly actor: string;
  readonly now: string;
  /** Ids for things this form creates: derived from the view, so a form submitted twice records once. */
  readonly idFor: (n?: number) => string;
  readonly client: WebClient;
}

export interface ViewSubmissionSpec<M extends { incidentId: string }> {
  readonly callbackId: string;
  readonly metadata: z.ZodType<M>;
  /** The block a problem goes under when it names no field of this form. */
  readonly fallbackBlock: string;
  /**
   * Where each domain field the form asks for is shown: domain field name → block id, or a
   * function of the field and the submission (the follow-up slot that is still empty).
   */
  readonly fields?:
    | Partial<Record<RejectedField, string>>
    | ((field: RejectedField, input: SubmissionInput<M>) => string | undefined);
  readonly toCommand: (input: SubmissionInput<M>, deps: ListenerDeps) => Submitted | Promise<Submitted>;
  /** The title of the view that replaces the form when the domain accepted it differently than asked. */
  readonly noticeTitle?: string;
  /** The view to show after it was recorded, instead of closing the modal. */
  readonly after?: (outcome: Extract<CommandOutcome, { ok: true }>) => View | null;
  /** Work after the ack once recorded (re-publishing App Home). */
  readonly afterAck?: (
    outcome: Extract<CommandOutcome, { ok: true }>,
    input: SubmissionInput<M>,
  ) => Promise<void>;
}

const COULD_NOT_READ = 'Sorry, I could not read this form. Close it and try again.';

/**
 * A modal's submission, the same way for every form: parse it, bind its metadata to the person,
 * run the command, and only then ack: the modal closes when the change is saved, shows the
 * domain's refusal on the field it names, or shows why nothing was saved.
 */
export function onViewSubmission<M extends { incidentId: string }>(
  app: App,
  deps: ListenerDeps,
  spec: ViewSubmissionSpec<M>,
): void {
  app.view(spec.callbackId, async ({ body, ack }) => {
    const errorsAck = (errors: Record<string, string>) => ack({ response_action: 'errors', errors });
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? metadataOf(parsed.data, spec.metadata) : null;
    if (!parsed.success || !metadata) {
      deps.logger.warn(
        { issues: parsed.error?.issues, callbackId: spec.callbackId },
        'modal submission did not parse',
      );
      return void (await errorsAck({ [spec.fallbackBlock]: COULD_NOT_READ }));
    }
    const submission = parsed.data;
    const teamId = submission.team?.id ?? submission.user.team_id ?? '';
    const client = await deps.clientFor(teamId);
    const input: SubmissionInput<M> = {
      submission,
      metadata,
      actor: submission.user.id,
      now: deps.clock.now().toISOString(),
      idFor: (n = 0) => `v${submission.view.id}${n > 0 ? `-${n}` : ''}`,
      client,
    };
    const ref = newRef();
    const context = {
      what: `form ${spec.callbackId}`,
      teamId,
      userId: input.actor,
      incidentId: metadata.incidentId,
      command: spec.callbackId,
    };
    try {
      const built = await spec.toCommand(input, deps);
      if ('errors' in built) return void (await errorsAck({ ...built.errors }));
      const origin = { teamId, userId: input.actor, channelId: null };
      const work = deps.commands.run({ incidentId: metadata.incidentId, command: built.command, origin });
      const answered = await inTime(work, deps.answerWithinMs);
      if (!answered.done) {
        // Slack closes a modal it gets no answer for: close it now, and say the outcome in a DM.
        await ack();
        deps.later(context, async () => {
          const outcome = await answered.rest.catch((error: unknown) => {
            logFailure(deps.logger, error, ref, context);
            return failureReply(error, ref);
          });
          const text =
            typeof outcome === 'string' ? outcome : outcome.ok ? 'Saved.' : outcome.rejection.message;
          await client.chat.postMessage({ channel: input.actor, text });
          if (typeof outcome !== 'string' && outcome.ok) await spec.afterAck?.(outcome, input);
        });
        return;
      }
      const outcome = answered.value;
      if (!outcome.ok) {
        const block = blockFor(spec, outcome.rejection.field, input) ?? spec.fallbackBlock;
        return void (await errorsAck({ [block]: outcome.rejection.message }));
      }
      const view = outcome.notice
        ? noticeView(spec.noticeTitle ?? 'Noted', outcome.notice.message)
        : (spec.after?.(outcome) ?? null);
      await ack(view ? { response_action: 'update', view } : undefined);
      if (spec.afterAck) deps.later(context, () => spec.afterAck?.(outcome, input) ?? Promise.resolve());
    } catch (error) {
      logFailure(deps.logger, error, ref, context);
      await errorsAck({ [spec.fallbackBlock]: failureReply(error, ref) });
    }
  });
}

function blockFor<M extends { incidentId: string }>(
  spec: ViewSubmissionSpec<M>,
  field: RejectedField | undefined,
  input: SubmissionInput<M>,
): string | undefined {
  if (!field || !spec.fields) return undefined;
  return typeof spec.fields === 'function' ? spec.fields(field, input) : spec.fields[field];
}
