import { z } from 'zod';
import { teamId, userId } from './slack-ids.js';

/** The fields of a `view_submission` we read; Slack sends many more, which pass through. */
export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  team: z.object({ id: teamId }).nullable(),
  user: z.object({ id: userId, team_id: teamId.optional() }),
  view: z.object({
    /** Slack's id of this modal: the same on every submission of it, so ids derived from it are stable. */
    id: z.string().min(1),
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({
      values: z.record(
        z.string(),
        z.record(z.string(), z.object({ value: z.string().nullish() }).passthrough()),
      ),
    }),
  }),
});

export type ViewSubmission = z.output<typeof viewSubmissionSchema>;

/** Parses the JSON a modal was opened with against `schema`; null when it is not ours. */
export function metadataOf<S extends z.ZodType>(submission: ViewSubmission, schema: S): z.output<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(submission.view.private_metadata));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The text typed into the input block `blockId` (action id `text` unless named). */
export const inputText = (submission: ViewSubmission, blockId: string, actionId = 'text'): string =>
  submission.view.state.values[blockId]?.[actionId]?.value ?? '';

/** The user picked in the input block `blockId` (a users_select with action id `user`). */
export function selectedUser(submission: ViewSubmission, blockId: string): string | null {
  const element = submission.view.state.values[blockId]?.user as { selected_user?: unknown } | undefined;
  return typeof element?.selected_user === 'string' ? element.selected_user : null;
}
