/**
 * What a hook will start, for a `describe` to destructure before it has: it reads (and calls)
 * through to what `current()` returns, and throws when used before that exists.
 */
export function startedLater<T extends object>(current: () => T | undefined, what: string): T {
  const now = () => {
    const value = current();
    if (value === undefined) throw new Error(`${what} is used before the beforeAll that starts it`);
    return value;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const target = now();
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
