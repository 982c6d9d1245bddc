import { blockTextLength, checkBlock, checkString, checkText, type Problems } from './block-kit-rules.js';

/**
 * Slack's Block Kit limits over a whole payload: one checker, used by the Slack stand-in (so the
 * bot meets them end to end, as it would meet real Slack) and by unit tests of the views.
 */
export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Readonly<Record<Surface, number>> = { message: 50, modal: 100, home: 100 };
/** Messages over ~12,000 characters of block text fail with `msg_blocks_too_long` (PLATFORM.md). */
export const MESSAGE_BLOCK_TEXT_MAX = 12_000;
/** A message's `text` over 40,000 characters fails with `msg_too_long`. */
export const MESSAGE_TEXT_MAX = 40_000;

/** What Slack answers for a payload it refuses, and the messages it points at the fields with. */
export interface Refusal {
  readonly error: 'invalid_blocks' | 'invalid_arguments' | 'msg_too_long' | 'msg_blocks_too_long';
  readonly messages: readonly string[];
}

/** The problems with `blocks` on a surface, so a failing test says which limit broke where. */
export function blockKitProblems(blocks: readonly unknown[], surface: Surface): string[] {
  const problems = blockProblems(blocks, surface);
  const total = blockTextLength(blocks);
  if (surface === 'message' && total > MESSAGE_BLOCK_TEXT_MAX)
    problems.push(`${total} characters of block text (messages over ~${MESSAGE_BLOCK_TEXT_MAX} fail)`);
  return problems;
}

function blockProblems(blocks: unknown, surface: Surface, at = '/blocks'): Problems {
  const problems: Problems = [];
  if (!Array.isArray(blocks)) return [`${at}: must be an array`];
  const max = MAX_BLOCKS[surface];
  if (blocks.length > max) problems.push(`${at}: must have at most ${max} blocks (has ${blocks.length})`);
  for (const [i, block] of blocks.entries()) checkBlock(block, `${at}/${i}`, problems);
  return problems;
}

/** chat.postMessage, chat.update, chat.postEphemeral: the answer Slack gives, or null when it accepts. */
export function messageRefusal(args: { readonly text?: unknown; readonly blocks?: unknown }): Refusal | null {
  if (args.blocks !== undefined && args.blocks !== null && args.blocks !== '') {
    const problems = blockProblems(args.blocks, 'message');
    if (problems.length > 0) return { error: 'invalid_blocks', messages: problems.map(error) };
  }
  const text = typeof args.text === 'string' ? args.text : '';
  if (text.length > MESSAGE_TEXT_MAX)
    return { error: 'msg_too_long', messages: [error(`/text: is ${text.length} characters`)] };
  const total = Array.isArray(args.blocks) ? blockTextLength(args.blocks) : 0;
  if (total > MESSAGE_BLOCK_TEXT_MAX)
    return { error: 'msg_blocks_too_long', messages: [error(`/blocks: ${total} characters of text`)] };
  return null;
}

/** views.open, views.push, views.update, views.publish: Slack answers `invalid_arguments`. */
export function viewRefusal(view: unknown): Refusal | null {
  const problems = viewProblems(view);
  return problems.length > 0 ? { error: 'invalid_arguments', messages: problems.map(error) } : null;
}

/** The problems with a modal or Home tab view, its frame included (title, buttons, metadata). */
export function viewProblems(view: unknown): string[] {
  if (view === null || typeof view !== 'object') return ['/view: must be an object'];
  const v = view as Record<string, unknown>;
  if (v.type !== 'modal' && v.type !== 'home') return ['/view/type: must be modal or home'];
  const problems = blockProblems(v.blocks, v.type, '/view/blocks');
  if (v.type === 'modal') {
    checkText(v.title, '/view/title', 24, problems, ['plain_text']);
    for (const key of ['submit', 'close'] as const)
      if (v[key] !== undefined) checkText(v[key], `/view/${key}`, 24, problems, ['plain_text']);
  }
  checkString(v.private_metadata, '/view/private_metadata', 3000, problems);
  checkString(v.callback_id, '/view/callback_id', 255, problems);
  checkString(v.external_id, '/view/external_id', 255, problems);
  return problems;
}

/** Slack's own wording: `[ERROR] <what> [json-pointer:<where>]`. */
function error(problem: string): string {
  const split = problem.indexOf(': ');
  return split < 0
    ? `[ERROR] ${problem}`
    : `[ERROR] ${problem.slice(split + 2)} [json-pointer:${problem.slice(0, split)}]`;
}
