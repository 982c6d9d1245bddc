/**
 * Slack's Block Kit limits (PLATFORM.md), checked over a rendered payload. Returns the problems,
 * so a test failure says which limit broke where.
 */
export function blockKitProblems(
  blocks: readonly unknown[],
  surface: 'message' | 'modal' | 'home',
): string[] {
  const problems: string[] = [];
  const maxBlocks = surface === 'message' ? 50 : 100;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  let textTotal = 0;
  const visit = (node: unknown, path: string, parentType: string | null): void => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) visit(child, `${path}[${i}]`, parentType);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const type = typeof record.type === 'string' ? record.type : parentType;
    if (typeof record.text === 'string') {
      textTotal += record.text.length;
      const max = parentType === 'header' ? 150 : parentType === 'button' ? 75 : 3000;
      if (record.text.length > max)
        problems.push(`${path}.text is ${record.text.length} chars (max ${max} in ${parentType})`);
    }
    for (const key of ['action_id', 'block_id'] as const) {
      const id = record[key];
      if (typeof id === 'string' && id.length > 255)
        problems.push(`${path}.${key} is ${id.length} chars (max 255)`);
    }
    if (type === 'button' && typeof record.value === 'string' && record.value.length > 2000)
      problems.push(`${path}.value too long`);
    for (const [key, value] of Object.entries(record))
      if (key !== 'text' || typeof value !== 'string') visit(value, `${path}.${key}`, type);
  };
  visit(blocks, 'blocks', null);
  if (surface === 'message' && textTotal > 12_000)
    problems.push(`${textTotal} characters of block text (messages over ~12,000 fail)`);
  return problems;
}
