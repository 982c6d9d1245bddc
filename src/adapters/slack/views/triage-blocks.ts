import type { KnownBlock } from '@slack/types';
import { TRIAGE_QUESTIONS } from '../../../domain/index.js';

/** The triage questions as required selects (`triage.<question>`, action `answer`), optionally prefilled. */
export function triageBlocks(answers?: Readonly<Record<string, string>>): KnownBlock[] {
  const option = (value: string, text: string) => ({ value, text: { type: 'plain_text' as const, text } });
  return TRIAGE_QUESTIONS.map((question): KnownBlock => {
    const initial = question.options.find((o) => o.value === answers?.[question.id]);
    return {
      type: 'input',
      block_id: `triage.${question.id}`,
      label: { type: 'plain_text', text: question.question },
      element: {
        type: 'static_select',
        action_id: 'answer',
        options: question.options.map((o) => option(o.value, o.label)),
        ...(initial ? { initial_option: option(initial.value, initial.label) } : {}),
      },
    };
  });
}
