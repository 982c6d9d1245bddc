/**
 * Ways to damage stored JSON one place at a time, for checking that a schema refuses the damage
 * instead of reading something wrong. Works on decoded JSON (what `pg` hands back for `jsonb`).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Every object key, at any depth (inside arrays too), as the path to it. */
export function keyPaths(json: unknown, at: Path = []): Path[] {
  if (Array.isArray(json)) return json.flatMap((item, i) => keyPaths(item, [...at, i]));
  if (typeof json !== 'object' || json === null) return [];
  return Object.entries(json).flatMap(([key, value]) => [[...at, key], ...keyPaths(value, [...at, key])]);
}

/** Every leaf (string, number, boolean, null) under an object key, with its value. */
export function leaves(json: unknown): { path: Path; value: unknown }[] {
  return keyPaths(json)
    .map((path) => ({ path, value: get(json, path) }))
    .filter(({ value }) => value === null || typeof value !== 'object');
}

/** A deep copy with the key at `path` removed. */
export function without(json: unknown, path: Path): unknown {
  return edit(json, path, (parent, key) => {
    delete (parent as Record<string, Json>)[key];
  });
}

/** A deep copy with the value at `path` replaced. */
export function replaced(json: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return structuredClone(value);
  return edit(json, path, (parent, key) => {
    (parent as Record<string | number, unknown>)[key] = value;
  });
}

/** Each object in the tree cut after its first `n` keys, for every `n` short of all of them. */
export function truncations(json: unknown): unknown[] {
  const objects: Path[] = [[], ...keyPaths(json)].filter((path) => {
    const value = get(json, path);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  });
  return objects.flatMap((path) => {
    const entries = Object.entries(get(json, path) as object);
    return entries.map((_, n) => replaced(json, path, Object.fromEntries(entries.slice(0, n))));
  });
}

export const pathName = (path: Path): string => path.join('.');

function get(json: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], json);
}

function edit(json: unknown, path: Path, change: (parent: object, key: string | number) => void): unknown {
  const copy: unknown = structuredClone(json);
  const parent = get(copy, path.slice(0, -1)) as object;
  change(parent, path[path.length - 1] as string | number);
  return copy;
}
