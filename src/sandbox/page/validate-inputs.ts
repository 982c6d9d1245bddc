import { isJson, type Json, obj, str } from './block-json.js';
import type { FormValues } from './render-inputs.js';

/**
 * What Slack itself refuses before a form is sent: a required input left empty, or text shorter than
 * its `min_length` (`max_length` the input enforces as you type). Block id → the message shown under it.
 */
export function missingInputs(blocks: readonly unknown[], values: FormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const block of blocks.filter(isJson)) {
    if (str(block, 'type') !== 'input') continue;
    const element = obj(block, 'element') ?? {};
    const state = values[str(block, 'block_id')]?.[str(element, 'action_id')];
    const minLength = typeof element.min_length === 'number' ? element.min_length : 0;
    if (state?.type === 'plain_text_input' && state.value && state.value.length < minLength) {
      errors[str(block, 'block_id')] = `Please enter at least ${minLength} characters.`;
      continue;
    }
    if (block.optional !== true && isEmpty(state))
      errors[str(block, 'block_id')] = 'Please complete this required field.';
  }
  return errors;
}

function isEmpty(state: FormValues[string][string] | undefined): boolean {
  if (!state) return true;
  switch (state.type) {
    case 'plain_text_input':
      // Slack counts spaces as an answer: the app decides whether they are one.
      return !state.value;
    case 'users_select':
      return !state.selected_user;
    case 'conversations_select':
      return !state.selected_conversation;
    case 'static_select':
    case 'radio_buttons':
      return !state.selected_option;
    case 'checkboxes':
      return state.selected_options.length === 0;
    case 'datepicker':
      return !state.selected_date;
    case 'datetimepicker':
      return state.selected_date_time === null;
  }
}

export type { Json };
