import { describe, expect, it } from 'vitest';
import { withinPickerPrecision } from '../../../src/adapters/slack/listeners/resolve.js';

describe('withinPickerPrecision', () => {
  const opened = new Date('2026-11-22T14:02:30.000Z');
  const now = new Date('2026-11-22T14:40:10.000Z');

  it('takes the opening when the opening minute was picked', () => {
    expect(withinPickerPrecision(new Date('2026-11-22T14:02:00.000Z'), opened, now)).toBe(
      opened.toISOString(),
    );
  });

  it('takes now when the current minute was picked', () => {
    expect(withinPickerPrecision(new Date('2026-11-22T14:40:59.000Z'), opened, now)).toBe(now.toISOString());
  });

  it('leaves other times alone, for the domain to judge', () => {
    expect(withinPickerPrecision(new Date('2026-11-22T14:20:00.000Z'), opened, now)).toBe(
      '2026-11-22T14:20:00.000Z',
    );
    expect(withinPickerPrecision(new Date('2026-11-22T13:00:00.000Z'), opened, now)).toBe(
      '2026-11-22T13:00:00.000Z',
    );
  });
});
