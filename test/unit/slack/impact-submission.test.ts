import { describe, expect, it } from 'vitest';
import { parseImpactSubmission } from '../../../src/adapters/slack/parse/impact-submission.js';
import type { ViewSubmission } from '../../../src/adapters/slack/parse/view-submission.js';
import { resolveModal } from '../../../src/adapters/slack/views/resolve-modal.js';
import { blockKitProblems } from '../../support/block-kit-limits.js';

const OPENED = '2026-11-20T14:00:30.000Z';
const NOW = '2026-11-20T14:40:10.000Z';
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

const submission = (values: Record<string, Record<string, unknown>>): ViewSubmission =>
  ({
    type: 'view_submission',
    team: { id: 'T0001' },
    user: { id: 'U0DANA' },
    view: { id: 'V1', callback_id: 'incident.resolve', private_metadata: '', state: { values } },
  }) as unknown as ViewSubmission;

const started = (iso: string) => ({ impact_started: { at: { selected_date_time: seconds(iso) } } });

describe('the resolve form’s impact window and detection', () => {
  it('offers the opening time as the start of customer impact, within Block Kit’s limits', () => {
    const view = resolveModal({ incidentId: 'i' }, 'SEV2', { openedAt: OPENED });
    const block = view.blocks.find((b) => b.block_id === 'impact_started') as unknown as {
      element: { initial_date_time: number };
    };
    expect(block.element.initial_date_time).toBe(seconds('2026-11-20T14:00:00.000Z'));
    expect(blockKitProblems(view.blocks, 'modal')).toEqual([]);
  });

  it('reads the opening’s minute (the default) as the opening itself', () => {
    expect(parseImpactSubmission(submission(started('2026-11-20T14:00:00.000Z')), NOW, OPENED)).toEqual({
      ok: true,
      impactStartedAt: OPENED,
      detection: null,
    });
  });

  it('keeps an earlier start and the detection with its link', () => {
    const parsed = parseImpactSubmission(
      submission({
        ...started('2026-11-20T13:45:00.000Z'),
        detected_by: { source: { selected_option: { value: 'customer_report' } } },
        detected_link: { text: { value: ' https://support.example.com/t/1 ' } },
      }),
      NOW,
      OPENED,
    );
    expect(parsed).toEqual({
      ok: true,
      impactStartedAt: '2026-11-20T13:45:00.000Z',
      detection: { source: 'customer_report', link: 'https://support.example.com/t/1' },
    });
  });

  it('refuses a start in the future on its field, and a link without how it was detected', () => {
    expect(parseImpactSubmission(submission(started('2026-11-20T15:00:00.000Z')), NOW, OPENED)).toEqual({
      ok: false,
      errors: { impact_started: 'Customer impact cannot start in the future; pick a time before now.' },
    });
    expect(
      parseImpactSubmission(
        submission({ detected_link: { text: { value: 'https://x.example' } } }),
        NOW,
        OPENED,
      ),
    ).toMatchObject({ ok: false, errors: { detected_by: expect.any(String) } });
  });
});
