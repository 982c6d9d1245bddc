/** Work that either finished within the time Slack gives us, or is still going. */
export type InTime<T> =
  | { readonly done: true; readonly value: T }
  | { readonly done: false; readonly rest: Promise<T> };

/**
 * Waits for `work` at most `ms`. Slack wants an answer within 3 s; a change commits in
 * milliseconds, so this normally returns the result and the answer goes in the ack. When the
 * database is slow the caller acks "still working" and answers later from `rest`. A failure
 * within the time is thrown, so the ack can say what went wrong.
 */
export async function inTime<T>(work: Promise<T>, ms: number): Promise<InTime<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), late]);
    return first === 'late' ? { done: false, rest: work } : { done: true, value: first.value };
  } finally {
    clearTimeout(timer);
  }
}
