import { describe, expect, it } from 'vitest';
import { proposeMeetingTime } from '../../../src/app/meeting-time.js';

const HOUR = 3_600_000;
const due = (resolvedAt: string, hours = 48) => new Date(Date.parse(resolvedAt) + hours * HOUR).toISOString();

describe('the proposed postmortem meeting', () => {
  it('is the next working day at 10:00 in the owner’s zone, when that is before the deadline', () => {
    // Tuesday 16:00 in Paris → Wednesday 10:00 Paris (08:00 UTC in summer).
    const resolved = '2026-06-16T14:00:00.000Z';
    expect(proposeMeetingTime(resolved, due(resolved), 'Europe/Paris')).toBe('2026-06-17T08:00:00.000Z');
  });

  it('skips the weekend, and falls back to the first working slot that ends before the deadline', () => {
    // Friday 14:40 UTC with the deadline on Sunday: Monday is too late, so Friday 16:00 (an hour of rest, on the half hour).
    const friday = '2026-11-20T14:40:00.000Z';
    expect(proposeMeetingTime(friday, due(friday), 'UTC')).toBe('2026-11-20T16:00:00.000Z');
    // Thursday evening: Friday 10:00.
    const thursday = '2026-11-19T20:00:00.000Z';
    expect(proposeMeetingTime(thursday, due(thursday), 'UTC')).toBe('2026-11-20T10:00:00.000Z');
  });

  it('proposes nothing when no working hour fits before the deadline', () => {
    // Friday 19:00 with a 24-hour deadline: the whole window is the weekend.
    const friday = '2026-11-20T19:00:00.000Z';
    expect(proposeMeetingTime(friday, due(friday, 24), 'UTC')).toBeNull();
  });
});
