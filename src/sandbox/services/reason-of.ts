/**
 * One line saying why something failed. pg reports a refused connection as an AggregateError with
 * an empty message (one error per address it tried), so the inner messages are the reason.
 */
export function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') {
    return [...new Set(error.errors.map(reasonOf))].join('; ');
  }
  if (error instanceof Error) return error.message.trim() || error.name;
  return String(error);
}
