import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createUserNames } from '../../../src/adapters/slack/user-names.js';

/** A `users.info` that knows some people, fails for others, and counts its calls. */
function fakeClient(known: Record<string, { display_name?: string; real_name?: string }>) {
  const calls: string[] = [];
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        calls.push(user);
        const profile = known[user];
        if (!profile) throw new Error('ratelimited');
        return {
          ok: true,
          user: { id: user, name: user.toLowerCase(), real_name: profile.real_name, profile },
        };
      },
    },
  } as unknown as WebClient;
  return { client, calls };
}

describe('display names for the postmortem file', () => {
  it('uses the display name, else the real name, and the id when Slack fails', async () => {
    const { client } = fakeClient({
      U1: { display_name: 'Dana', real_name: 'Dana Reyes' },
      U2: { display_name: '', real_name: 'Alex Kim' },
    });
    const failures: string[] = [];
    const nameOf = await createUserNames({ client, onError: (_e, id) => failures.push(id) })([
      'U1',
      'U2',
      'U3',
    ]);
    expect(['U1', 'U2', 'U3'].map(nameOf)).toEqual(['Dana', 'Alex Kim', '@U3']);
    expect(failures).toEqual(['U3']);
  });

  it('remembers names for a while, in a cache of bounded size', async () => {
    const { client, calls } = fakeClient({
      U1: { display_name: 'A' },
      U2: { display_name: 'B' },
      U3: { display_name: 'C' },
    });
    let now = 0;
    const names = createUserNames({ client, now: () => now, ttlMs: 1_000, maxEntries: 2 });
    await names(['U1', 'U2']);
    await names(['U1', 'U2']);
    expect(calls).toEqual(['U1', 'U2']);
    await names(['U3']); // U1 is the least recently used: it makes room
    await names(['U2', 'U1']);
    expect(calls).toEqual(['U1', 'U2', 'U3', 'U1']);
    now = 5_000;
    await names(['U2']);
    expect(calls.at(-1)).toBe('U2');
  });
});
