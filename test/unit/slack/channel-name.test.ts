import { describe, expect, it } from 'vitest';
import { CHANNEL_NAME_MAX, incidentChannelName } from '../../../src/adapters/slack/views/channel-name.js';

describe('incidentChannelName', () => {
  it('is inc-<number>-<slug> in lowercase', () => {
    expect(incidentChannelName({ number: 42, title: 'Checkout errors spiking', drill: false })).toBe(
      'inc-42-checkout-errors-spiking',
    );
  });

  it('keeps only letters, digits and dashes, and drops accents', () => {
    expect(incidentChannelName({ number: 7, title: '  Café API: 502s @ EU-west!! ', drill: false })).toBe(
      'inc-7-cafe-api-502s-eu-west',
    );
  });

  it('marks drills', () => {
    expect(incidentChannelName({ number: 3, title: 'Failover test', drill: true })).toBe(
      'drill-inc-3-failover-test',
    );
  });

  it('never exceeds 80 characters, even with a suffix for a taken name', () => {
    const title = 'database '.repeat(30);
    for (const attempt of [1, 2, 19]) {
      const name = incidentChannelName({ number: 123456, title, drill: true }, attempt);
      expect(name.length).toBeLessThanOrEqual(CHANNEL_NAME_MAX);
      expect(name).toMatch(/^[a-z0-9-]+$/);
      expect(name).not.toMatch(/--|-$/);
    }
    expect(incidentChannelName({ number: 1, title, drill: false }, 2)).toMatch(/-2$/);
  });

  it('falls back to the number alone when the title has no usable characters', () => {
    expect(incidentChannelName({ number: 9, title: '🔥🔥🔥', drill: false })).toBe('inc-9');
    expect(incidentChannelName({ number: 9, title: '🔥', drill: false }, 3)).toBe('inc-9-3');
  });
});
