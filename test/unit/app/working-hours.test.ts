import { describe, expect, it } from 'vitest';
import { nextWorkingMoment } from '../../../src/app/working-hours.js';

describe('nextWorkingMoment: chores wait for 09:00–18:00 on the recipient’s weekdays', () => {
  it('leaves a moment inside working hours alone', () => {
    // Tuesday 10:30 in Berlin (UTC+1 in November).
    expect(nextWorkingMoment('2026-11-24T09:30:00.000Z', 'Europe/Berlin')).toBe('2026-11-24T09:30:00.000Z');
  });

  it('moves an early-morning moment to 09:00 the same day, in the recipient’s zone', () => {
    // 05:00 in Berlin → 09:00 Berlin = 08:00 UTC.
    expect(nextWorkingMoment('2026-11-24T04:00:00.000Z', 'Europe/Berlin')).toBe('2026-11-24T08:00:00.000Z');
    // The same instant is 23:00 the evening before in New York → 09:00 there = 14:00 UTC.
    expect(nextWorkingMoment('2026-11-24T04:00:00.000Z', 'America/New_York')).toBe(
      '2026-11-24T14:00:00.000Z',
    );
  });

  it('moves an evening moment to 09:00 the next weekday', () => {
    // Tuesday 19:00 in Tokyo → Wednesday 09:00 Tokyo = Wednesday 00:00 UTC.
    expect(nextWorkingMoment('2026-11-24T10:00:00.000Z', 'Asia/Tokyo')).toBe('2026-11-25T00:00:00.000Z');
    // 18:00 sharp is already after hours.
    expect(nextWorkingMoment('2026-11-24T17:00:00.000Z', 'Europe/Berlin')).toBe('2026-11-25T08:00:00.000Z');
  });

  it('skips the weekend: Friday evening and Saturday go to Monday 09:00', () => {
    // Friday 27 Nov 2026, 20:00 London → Monday 30 Nov 09:00 London (UTC+0).
    expect(nextWorkingMoment('2026-11-27T20:00:00.000Z', 'Europe/London')).toBe('2026-11-30T09:00:00.000Z');
    expect(nextWorkingMoment('2026-11-28T12:00:00.000Z', 'Europe/London')).toBe('2026-11-30T09:00:00.000Z');
    // Sunday 09:30 in Sydney is still the weekend there → Monday 09:00 Sydney (UTC+11) = Sunday 22:00 UTC.
    expect(nextWorkingMoment('2026-11-28T22:30:00.000Z', 'Australia/Sydney')).toBe(
      '2026-11-29T22:00:00.000Z',
    );
  });

  it('keeps 09:00 local across a daylight-saving change', () => {
    // Europe moves to summer time on Sunday 29 March 2026. Saturday 28 March 12:00 UTC (13:00
    // Berlin, winter time) → Monday 30 March 09:00 Berlin, now UTC+2 = 07:00 UTC.
    expect(nextWorkingMoment('2026-03-28T12:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
    // The US leaves summer time on Sunday 1 November 2026: Friday 30 Oct 22:00 New York (UTC-4)
    // → Monday 2 Nov 09:00 New York, now UTC-5 = 14:00 UTC.
    expect(nextWorkingMoment('2026-10-31T02:00:00.000Z', 'America/New_York')).toBe(
      '2026-11-02T14:00:00.000Z',
    );
  });

  it('treats an unknown zone as no placement rather than failing', () => {
    expect(nextWorkingMoment('2026-11-28T12:00:00.000Z', 'Not/AZone')).toBe('2026-11-28T12:00:00.000Z');
  });
});
