import type { WebClient } from '@slack/web-api';
import type { ChannelMembership } from '../../app/ports/channel-membership.js';

const CACHE_MS = 60_000;
const MAX_PAGES = 20;

/**
 * Channel membership from Slack (`conversations.members`), remembered for a minute. Asked rarely:
 * only for a private incident, by someone who never worked it, from outside its channel.
 */
export function createChannelMembership(
  clientFor: (teamId: string) => Promise<WebClient>,
  now: () => number = Date.now,
): ChannelMembership {
  const cache = new Map<string, { members: Set<string>; until: number }>();
  return async (channelId, userId, teamId = '') => {
    const cached = cache.get(channelId);
    if (cached && cached.until > now()) return cached.members.has(userId);
    const client = await clientFor(teamId);
    const members = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await client.conversations.members({
        channel: channelId,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      for (const member of answer.members ?? []) members.add(member);
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    cache.set(channelId, { members, until: now() + CACHE_MS });
    return members.has(userId);
  };
}
