/**
 * Block Kit's published limits, block by block and element by element (PLATFORM.md, and Slack's
 * reference at docs.slack.dev/reference/block-kit). Each rule reports a problem as
 * `<json pointer>: <what>`, the way Slack's `response_metadata.messages` point at the field.
 */
export type Problems = string[];
type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A text object: `plain_text` (or `mrkdwn` where allowed), 1 to `max` characters. */
export function checkText(
  value: unknown,
  at: string,
  max: number,
  problems: Problems,
  kinds: readonly string[] = ['plain_text', 'mrkdwn'],
): void {
  if (!isNode(value)) {
    problems.push(`${at}: must be a text object`);
    return;
  }
  if (typeof value.type !== 'string' || !kinds.includes(value.type))
    problems.push(`${at}/type: must be one of ${kinds.join(', ')}`);
  if (typeof value.text !== 'string') {
    problems.push(`${at}/text: must be a string`);
    return;
  }
  if (value.text.length === 0) problems.push(`${at}/text: must be more than 0 characters`);
  if (value.text.length > max)
    problems.push(`${at}/text: must be at most ${max} characters (is ${value.text.length})`);
}

const PLAIN = ['plain_text'] as const;

export function checkString(value: unknown, at: string, max: number, problems: Problems): void {
  if (value === undefined) return;
  if (typeof value !== 'string') {
    problems.push(`${at}: must be a string`);
    return;
  }
  if (value.length > max) problems.push(`${at}: must be at most ${max} characters (is ${value.length})`);
}

function checkList(
  value: unknown,
  at: string,
  range: { min: number; max: number },
  problems: Problems,
  each: (item: unknown, at: string) => void,
): void {
  if (!Array.isArray(value)) {
    problems.push(`${at}: must be an array`);
    return;
  }
  if (value.length < range.min) problems.push(`${at}: must have at least ${range.min} items`);
  if (value.length > range.max)
    problems.push(`${at}: must have at most ${range.max} items (has ${value.length})`);
  for (const [i, item] of value.entries()) each(item, `${at}/${i}`);
}

function checkOption(option: unknown, at: string, problems: Problems, kinds: readonly string[]): void {
  if (!isNode(option)) {
    problems.push(`${at}: must be an option object`);
    return;
  }
  checkText(option.text, `${at}/text`, 75, problems, kinds);
  if (typeof option.value !== 'string') problems.push(`${at}/value: must be a string`);
  // 150 per docs.slack.dev; @slack/types' comment (and PLATFORM.md) still say 75.
  checkString(option.value, `${at}/value`, 150, problems);
  if (option.description !== undefined)
    checkText(option.description, `${at}/description`, 75, problems, kinds);
}

/** An initial option must be one of the options, exactly, or Slack refuses the element. */
function checkInitial(element: Node, at: string, problems: Problems): void {
  const offered = new Set(
    (Array.isArray(element.options) ? element.options : []).map((o) => JSON.stringify(o)),
  );
  if (element.initial_option !== undefined && !offered.has(JSON.stringify(element.initial_option)))
    problems.push(`${at}/initial_option: must match one of the options`);
  const initial: unknown[] = Array.isArray(element.initial_options) ? element.initial_options : [];
  for (const [i, o] of initial.entries())
    if (!offered.has(JSON.stringify(o)))
      problems.push(`${at}/initial_options/${i}: must match one of the options`);
}

const PICKERS = new Set([
  'users_select',
  'conversations_select',
  'channels_select',
  'multi_users_select',
  'multi_conversations_select',
  'datepicker',
  'datetimepicker',
  'timepicker',
]);

/** An interactive element (a section's accessory, an actions or input block's element). */
export function checkElement(element: unknown, at: string, problems: Problems): void {
  if (!isNode(element) || typeof element.type !== 'string') {
    problems.push(`${at}: must be an element with a type`);
    return;
  }
  checkString(element.action_id, `${at}/action_id`, 255, problems);
  if (element.placeholder !== undefined)
    checkText(element.placeholder, `${at}/placeholder`, 150, problems, PLAIN);
  const options = (range: { min: number; max: number }, kinds: readonly string[] = PLAIN) =>
    checkList(element.options, `${at}/options`, range, problems, (o, p) =>
      checkOption(o, p, problems, kinds),
    );
  switch (element.type) {
    case 'button':
      checkText(element.text, `${at}/text`, 75, problems, PLAIN);
      checkString(element.value, `${at}/value`, 2000, problems);
      checkString(element.url, `${at}/url`, 3000, problems);
      return;
    case 'static_select':
    case 'multi_static_select':
      options({ min: 1, max: 100 });
      checkInitial(element, at, problems);
      return;
    case 'overflow':
      options({ min: 1, max: 5 });
      return;
    case 'checkboxes':
    case 'radio_buttons':
      options({ min: 1, max: 10 }, ['plain_text', 'mrkdwn']);
      checkInitial(element, at, problems);
      return;
    case 'plain_text_input': {
      const max = element.max_length;
      if (max !== undefined && (typeof max !== 'number' || max < 1 || max > 3000))
        problems.push(`${at}/max_length: must be between 1 and 3000`);
      if (typeof element.min_length === 'number' && element.min_length > 3000)
        problems.push(`${at}/min_length: must be at most 3000`);
      const limit = typeof max === 'number' ? Math.min(max, 3000) : 3000;
      checkString(element.initial_value, `${at}/initial_value`, limit, problems);
      return;
    }
    case 'image':
      checkString(element.alt_text, `${at}/alt_text`, 2000, problems);
      return;
    default:
      if (!PICKERS.has(element.type)) problems.push(`${at}/type: unknown element ${element.type}`);
  }
}

/** One block of a message, modal or Home tab. */
export function checkBlock(block: unknown, at: string, problems: Problems): void {
  if (!isNode(block) || typeof block.type !== 'string') {
    problems.push(`${at}: must be a block with a type`);
    return;
  }
  checkString(block.block_id, `${at}/block_id`, 255, problems);
  switch (block.type) {
    case 'section':
      if (block.text === undefined && block.fields === undefined)
        problems.push(`${at}: must have text or fields`);
      if (block.text !== undefined) checkText(block.text, `${at}/text`, 3000, problems);
      if (block.fields !== undefined)
        checkList(block.fields, `${at}/fields`, { min: 1, max: 10 }, problems, (f, p) =>
          checkText(f, p, 2000, problems),
        );
      if (block.accessory !== undefined) checkElement(block.accessory, `${at}/accessory`, problems);
      return;
    case 'header':
      checkText(block.text, `${at}/text`, 150, problems, PLAIN);
      return;
    case 'context':
      checkList(block.elements, `${at}/elements`, { min: 1, max: 10 }, problems, (e, p) =>
        isNode(e) && e.type === 'image' ? checkElement(e, p, problems) : checkText(e, p, 3000, problems),
      );
      return;
    case 'actions':
      checkList(block.elements, `${at}/elements`, { min: 1, max: 25 }, problems, (e, p) =>
        checkElement(e, p, problems),
      );
      return;
    case 'input':
      checkText(block.label, `${at}/label`, 2000, problems, PLAIN);
      if (block.hint !== undefined) checkText(block.hint, `${at}/hint`, 2000, problems, PLAIN);
      checkElement(block.element, `${at}/element`, problems);
      return;
    case 'divider':
      return;
    case 'image':
      checkString(block.image_url, `${at}/image_url`, 3000, problems);
      checkString(block.alt_text, `${at}/alt_text`, 2000, problems);
      return;
    default:
      problems.push(`${at}/type: unknown block ${block.type}`);
  }
}

/** Every `text` string in the blocks, as Slack's message limit (~12,000 characters) counts them. */
export function blockTextLength(blocks: unknown): number {
  let total = 0;
  JSON.stringify(blocks, (key, value) => {
    if (key === 'text' && typeof value === 'string') total += value.length;
    return value;
  });
  return total;
}
