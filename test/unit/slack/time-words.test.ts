import { describe, expect, it } from 'vitest';
import { timeWords } from '../../../src/adapters/slack/views/time-words.js';

const NOW = '2026-11-20T14:00:00.000Z';

describe('times in a posted update', () => {
  it('name the configured zone, never the host’s', () => {
    expect(timeWords('UTC', NOW).at('2026-11-20T15:30:00.000Z')).toBe('15:30 UTC');
    expect(timeWords('America/New_York', NOW).at('2026-11-20T15:30:00.000Z')).toBe('10:30 EST');
    expect(timeWords('Europe/Paris', NOW).at('2026-11-20T15:30:00.000Z')).toBe('16:30 GMT+1');
  });

  it('say the day when it is not today in that zone', () => {
    expect(timeWords('UTC', NOW).at('2026-11-21T09:00:00.000Z')).toBe('09:00 UTC on Saturday 21 November');
    // 14:00 UTC is already the next morning in Kiritimati: 15:30 UTC is still "today" there.
    expect(timeWords('Pacific/Kiritimati', NOW).at('2026-11-20T15:30:00.000Z')).toBe('05:30 GMT+14');
    expect(timeWords('Pacific/Kiritimati', NOW).at('2026-11-20T09:00:00.000Z')).toBe(
      '23:00 GMT+14 on Friday 20 November',
    );
  });

  it('give a window on one day once, and across midnight with both days', () => {
    const words = timeWords('UTC', NOW);
    expect(words.between('2026-11-20T13:57:00.000Z', '2026-11-20T14:29:00.000Z')).toBe(
      'from 13:57 to 14:29 UTC',
    );
    expect(words.between('2026-11-19T23:50:00.000Z', '2026-11-20T00:30:00.000Z')).toBe(
      'from 23:50 UTC on Thursday 19 November to 00:30 UTC today',
    );
  });
});
