import { describe, expect, it } from 'vitest';
import { tsToInstant } from '../../../src/adapters/slack/parse/capture.js';

describe('tsToInstant', () => {
  it('turns a Slack message ts into the instant it was posted, to the millisecond', () => {
    expect(tsToInstant('1599062420.000400')).toBe('2020-09-02T16:00:20.000Z');
    expect(tsToInstant('1599062420.123456')).toBe('2020-09-02T16:00:20.123Z');
    expect(tsToInstant('1599062420')).toBe('2020-09-02T16:00:20.000Z');
  });
});
