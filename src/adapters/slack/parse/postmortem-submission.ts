import { z } from 'zod';
import type { FollowUpInput, PostmortemAnswers } from '../../../domain/index.js';
import { ANSWER_BLOCKS, FOLLOW_UP_RANKS, SECTION_BLOCKS } from '../views/postmortem-modal.js';
import type { ViewSubmission } from './view-submission.js';

const element = z
  .object({
    value: z.string().nullish(),
    selected_user: z.string().nullish(),
    selected_date: z.string().nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
  })
  .passthrough();

export type PostmortemSubmission =
  | { readonly ok: true; readonly answers: PostmortemAnswers; readonly followUps: FollowUpInput[] }
  /** Problems by the block id Slack shows them under. */
  | { readonly ok: false; readonly errors: Record<string, string> };

/**
 * Reads the postmortem modal: the four answers and the follow-up slots that were filled in. A slot
 * with a title needs an owner and a due date; how many follow-ups there are is the domain's rule
 * (exactly three), so it is left to the domain to refuse, with its reason.
 */
export function parsePostmortemSubmission(
  submission: ViewSubmission,
  newId: () => string,
): PostmortemSubmission {
  const values = submission.view.state.values;
  const field = (blockId: string, actionId: string) => {
    const parsed = element.safeParse(values[blockId]?.[actionId] ?? {});
    return parsed.success ? parsed.data : {};
  };
  const answered = (id: string) => (field(`answer.${id}`, 'text').value ?? '').trim();
  const answers = {
    ...Object.fromEntries(ANSWER_BLOCKS.map(([id]) => [id, answered(id)])),
    // The further sections are optional: only those the meeting answered are recorded.
    ...Object.fromEntries(SECTION_BLOCKS.flatMap(([id]) => (answered(id) ? [[id, answered(id)]] : []))),
  } as unknown as PostmortemAnswers;
  const errors: Record<string, string> = {};
  for (const [id] of ANSWER_BLOCKS)
    if (answers[id] === '')
      errors[`answer.${id}`] = 'Please write the meeting’s answer; a sentence is enough.';
  const followUps: FollowUpInput[] = [];
  for (const rank of FOLLOW_UP_RANKS) {
    const title = (field(`followup${rank}.title`, 'text').value ?? '').trim();
    const owner = field(`followup${rank}.owner`, 'user').selected_user ?? null;
    const due = field(`followup${rank}.due`, 'date').selected_date ?? null;
    const kinds = (field(`followup${rank}.control`, 'control').selected_options ?? []).map((o) => o.value);
    const control = kinds.includes('control');
    const runbook = kinds.includes('runbook');
    if (!title) {
      if (owner || due)
        errors[`followup${rank}.title`] = `Give follow-up #${rank} a title, or clear its owner and date.`;
      continue;
    }
    if (!owner) errors[`followup${rank}.owner`] = `Who owns follow-up #${rank}?`;
    if (!due) errors[`followup${rank}.due`] = `When is follow-up #${rank} due?`;
    if (owner && due)
      followUps.push({ id: newId(), title, owner, due, rank, control, ...(runbook ? { runbook } : {}) });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers, followUps };
}
