import type { WebClient } from '@slack/web-api';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { Clock } from '../../app/ports/clock.js';
import type { Logger } from '../../app/ports/logger.js';

const userInfoSchema = z.object({ user: z.object({ tz: z.string().nullish() }).passthrough() }).passthrough();

const HOURS = 3_600_000;

/**
 * Each person's time zone from their Slack profile, cached for a few hours (people rarely move,
 * and a reconcile pass must not call Slack once per timer). Asked with the token of the person's
 * workspace (`teamId`; user ids are unique across Slack, so the cache is keyed by user alone).
 * Unknown people, and Slack failing, fall back to the deployment's TIMEZONE.
 */
export function createUserTimeZones(options: {
  readonly clientFor: (teamId: string) => Promise<WebClient>;
  readonly fallback: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly ttlMs?: number;
}): (userId: string | null, teamId?: string) => Promise<string> {
  const ttl = options.ttlMs ?? 6 * HOURS;
  const cache = new Map<string, { zone: string; until: number }>();
  return async (userId, teamId = '') => {
    if (!userId) return options.fallback;
    const cached = cache.get(userId);
    if (cached && cached.until > options.clock.now().getTime()) return cached.zone;
    try {
      const client = await options.clientFor(teamId);
      const info = userInfoSchema.parse(await client.users.info({ user: userId }));
      const tz = info.user.tz;
      const zone = tz && IANAZone.isValidZone(tz) ? tz : options.fallback;
      cache.set(userId, { zone, until: options.clock.now().getTime() + ttl });
      return zone;
    } catch (error) {
      options.logger.warn({ err: error, userId }, 'could not read a time zone from Slack; using TIMEZONE');
      return options.fallback;
    }
  };
}
