import type { Kysely } from 'kysely';
import type { Database } from '../../src/adapters/postgres/schema.js';

/** Resolves once every Slack side effect written so far has been performed (or given up). */
export async function waitForOutboxSettled(db: Kysely<Database>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('done_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (pending.n === 0) return;
    if (Date.now() > deadline)
      throw new Error(`${pending.n} side effects still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
