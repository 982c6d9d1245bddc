import { describe, expect, it } from 'vitest';
import { ruledOutCompact, ruledOutList } from '../../../src/adapters/slack/views/ruled-out.js';
import type { Hypothesis } from '../../../src/domain/index.js';

const hypothesis = (
  text: string,
  status: Hypothesis['status'],
  evidence: string | null = null,
): Hypothesis => ({
  id: text,
  text,
  status,
  proposedBy: 'U0ALEX',
  proposedAt: '2026-11-20T14:00:00.000Z',
  evidence,
  changedAt: '2026-11-20T14:10:00.000Z',
});

describe('what was ruled out', () => {
  const four = [
    hypothesis('DNS', 'ruled_out', 'dig answers in 2 ms'),
    hypothesis('The deploy', 'confirmed', 'rollback fixed it'),
    hypothesis('cache config <b>', 'ruled_out', 'config & diff unchanged'),
    hypothesis('Provider', 'ruled_out', null),
    hypothesis('Load', 'ruled_out', 'flat'),
  ];

  it('at a glance names the first two, escaped, and counts the rest', () => {
    expect(ruledOutCompact(four)).toBe('Ruled out: DNS, cache config &lt;b&gt; (+2 more)');
    expect(ruledOutCompact([hypothesis('DNS', 'proposed')])).toBe('');
  });

  it('clips a long name on the compact line', () => {
    const line = ruledOutCompact([hypothesis('x'.repeat(400), 'ruled_out')]);
    expect(line.length).toBeLessThan(80);
    expect(line).toMatch(/…$/);
  });

  it('in full gives each with the evidence that ruled it out', () => {
    expect(ruledOutList(four)).toBe(
      [
        '*Ruled out* (4):',
        '• DNS: dig answers in 2 ms',
        '• cache config &lt;b&gt;: config &amp; diff unchanged',
        '• Provider _(no evidence recorded)_',
        '• Load: flat',
      ].join('\n'),
    );
    expect(ruledOutList([])).toBe('');
  });

  it('stays within one Slack section however many and however long', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      hypothesis(`${i} ${'h'.repeat(600)}`, 'ruled_out', 'e'.repeat(1000)),
    );
    const list = ruledOutList(many);
    expect(list.length).toBeLessThanOrEqual(3000);
    expect(list).toContain('…and 23 more on the timeline');
  });
});
