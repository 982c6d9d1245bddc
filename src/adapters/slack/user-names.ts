import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { NameOf } from '../../domain/index.js';

const userInfoSchema = z
  .object({
    user: z
      .object({
        name: z.string().nullish(),
        real_name: z.string().nullish(),
        profile: z
          .object({ display_name: z.string().nullish(), real_name: z.string().nullish() })
          .passthrough()
          .nullish(),
      })
      .passthrough(),
  })
  .passthrough();

/** Looks the people up and answers with a name for each (their id where Slack could not say). */
export type UserNames = (userIds: readonly string[]) => Promise<NameOf>;

const HOUR = 3_600_000;

/**
 * People's display names from Slack (`users.info`), for documents where a mention means nothing
 * (the postmortem file). Remembered for a few hours in a bounded cache: a workspace has many
 * people, and the bot must not grow without end. Slack failing never fails the document: that
 * person is shown by id.
 */
export function createUserNames(options: {
  /** A client, or how to get the workspace's client when a name is needed (its token may change). */
  readonly client: WebClient | (() => Promise<WebClient>);
  readonly now?: () => number;
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  readonly onError?: (error: unknown, userId: string) => void;
}): UserNames {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? 6 * HOUR;
  const max = options.maxEntries ?? 2_000;
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const cache = new Map<string, { name: string; until: number }>();

  async function nameOf(userId: string): Promise<string | null> {
    const cached = cache.get(userId);
    if (cached && cached.until > now()) {
      cache.delete(userId);
      cache.set(userId, cached);
      return cached.name;
    }
    try {
      const client = typeof options.client === 'function' ? await options.client() : options.client;
      const info = userInfoSchema.parse(await client.users.info({ user: userId }));
      const u = info.user;
      const name =
        [u.profile?.display_name, u.profile?.real_name, u.real_name, u.name]
          .map((n) => n?.trim() ?? '')
          .find((n) => n !== '') ?? null;
      if (name === null) return null;
      cache.delete(userId);
      cache.set(userId, { name, until: now() + ttl });
      while (cache.size > max) cache.delete(cache.keys().next().value ?? '');
      return name;
    } catch (error) {
      options.onError?.(error, userId);
      return null;
    }
  }

  return async (userIds) => {
    const names = new Map<string, string>();
    for (const userId of new Set(userIds)) {
      const name = await nameOf(userId);
      if (name !== null) names.set(userId, name);
    }
    return (userId) => names.get(userId) ?? `@${userId}`;
  };
}
