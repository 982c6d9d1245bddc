import fc from 'fast-check';
import { userText } from './hostile-text.js';

type Path = readonly (string | number)[];

/** Every place in a JSON tree a value sits, the root included. */
function pathsIn(node: unknown, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(node)) return [...here, ...node.flatMap((child, i) => pathsIn(child, [...at, i]))];
  if (node !== null && typeof node === 'object')
    return [...here, ...Object.entries(node).flatMap(([key, child]) => pathsIn(child, [...at, key]))];
  return here;
}

function replaced(node: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(node)) return node.map((child, i) => (i === head ? replaced(child, rest, value) : child));
  if (node !== null && typeof node === 'object')
    return {
      ...(node as Record<string, unknown>),
      [head]: replaced((node as Record<string, unknown>)[head], rest, value),
    };
  return node;
}

/** What a forged or broken payload puts in a field: any JSON, hostile words, nothing, odd objects. */
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  userText,
  fc.constant(undefined),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
);

/**
 * A real payload with up to four of its values (or subtrees) replaced: close enough to pass the
 * outer checks, so the parsers' inner paths meet the damage.
 */
export function mutationsOf(payload: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = pathsIn(payload);
  return fc
    .array(fc.tuple(fc.nat({ max: paths.length - 1 }), replacement), { maxLength: 4 })
    .map((changes) =>
      changes.reduce<unknown>((node, [i, value]) => replaced(node, paths[i] ?? [], value), payload),
    );
}
