import type { InputBlock, KnownBlock, View } from '@slack/types';
import { TEXT_LIMITS, type TextField } from '../../../domain/index.js';
import { clip, plainText } from './format.js';

export type { ModalMetadata } from '../parse/modal-metadata.js';

const TITLE_MAX = 24;

/** A form the bot opens: Slack's frame (title, submit, cancel, metadata) around its blocks. */
export function formModal(form: {
  readonly callbackId: string;
  readonly title: string;
  readonly submit: string;
  readonly close?: string;
  readonly metadata: object;
  readonly blocks: KnownBlock[];
}): View {
  return {
    type: 'modal',
    callback_id: form.callbackId,
    private_metadata: JSON.stringify(form.metadata),
    title: plainText(form.title, TITLE_MAX),
    submit: plainText(form.submit, TITLE_MAX),
    close: plainText(form.close ?? 'Cancel', TITLE_MAX),
    blocks: form.blocks,
  };
}

/**
 * A text input whose limit is the domain's for that field (TEXT_LIMITS): Slack stops the person
 * at the same length the domain would refuse, and a prefilled value never exceeds it.
 */
export function textInput(input: {
  readonly blockId: string;
  readonly field: TextField;
  readonly label: string;
  readonly hint?: string;
  readonly optional?: boolean;
  readonly multiline?: boolean;
  readonly initialValue?: string;
}): InputBlock {
  const max = TEXT_LIMITS[input.field];
  return {
    type: 'input',
    block_id: input.blockId,
    ...(input.optional ? { optional: true } : {}),
    label: plainText(input.label, 2000),
    ...(input.hint ? { hint: plainText(input.hint, 2000) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: 'text',
      multiline: input.multiline ?? true,
      max_length: max,
      ...(input.initialValue ? { initial_value: clip(input.initialValue, max) } : {}),
    },
  };
}

/** A people picker (`users_select`, action id `user`). */
export function userInput(blockId: string, label: string, initialUser: string | null): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plainText(label, 2000),
    element: {
      type: 'users_select',
      action_id: 'user',
      ...(initialUser ? { initial_user: initialUser } : {}),
    },
  };
}
