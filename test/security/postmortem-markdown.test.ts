import { describe, expect, it } from 'vitest';
import {
  type IncidentEvent,
  type OpenedIncident,
  postmortemDraft,
  renderPostmortemMarkdown,
  replay,
} from '../../src/domain/index.js';
import { incidentHistory } from '../fixtures/incident-history.js';
import { POLICY } from '../unit/domain/spec.js';

/** The golden incident, with people's words replaced by ones that try to add structure to the file. */
function markdownOf(
  changes: Partial<Record<'hypothesis' | 'note' | 'summary' | 'title' | 'what' | 'why', string>>,
) {
  const history = incidentHistory.map((event): IncidentEvent => {
    if (event.type === 'IncidentOpened' && changes.title) return { ...event, title: changes.title };
    if (event.type === 'HypothesisProposed' && event.hypothesisId === 'h2' && changes.hypothesis)
      return { ...event, text: changes.hypothesis };
    if (event.type === 'NoteAdded' && changes.note) return { ...event, text: changes.note };
    if (event.type === 'IncidentResolved' && changes.summary) return { ...event, summary: changes.summary };
    if (event.type === 'DecisionRecorded' && (changes.what || changes.why))
      return { ...event, what: changes.what ?? event.what, why: changes.why ?? event.why };
    return event;
  });
  const state = replay(history) as OpenedIncident;
  return renderPostmortemMarkdown(postmortemDraft(state, history, POLICY));
}

const linesOf = (markdown: string, section: string): string[] =>
  (markdown.split(`\n${section}\n`)[1] ?? '').split('\n## ')[0]?.split('\n') ?? [];

describe('people’s words in the postmortem Markdown', () => {
  it('cannot start a heading, a quote, a list or a code fence where they begin a list item', () => {
    for (const [typed, shown] of [
      ['# Root cause', '\\# Root cause'],
      ['> quoted', '\\> quoted'],
      ['- nested', '\\- nested'],
      ['1. first', '1\\. first'],
      ['```sh', '\\```sh'],
      ['    indented code', 'indented code'],
    ] as const) {
      const confirmed = linesOf(markdownOf({ hypothesis: typed }), '### Confirmed');
      expect(confirmed).toContain(`- ${shown} (evidence: Errors stopped on rolled-back hosts)`);
    }
  });

  it('cannot become a list with the document’s own punctuation after it', () => {
    expect(linesOf(markdownOf({ what: '12' }), '## Decisions')[1]).toBe(
      '- 12\\. Why: Errors started two minutes after it. Would change our mind: Errors continuing after the rollback.',
    );
  });

  it('cannot add a table row, break out of a line, or make a link, an image or HTML', () => {
    const markdown = markdownOf({
      note: 'see [the dashboard](https://evil.example) ![x](https://evil.example/x.png)\n| Rank | 1 |\n<img src=x>',
    });
    expect(linesOf(markdown, '## Timeline')).toContain(
      '- 2026-11-20 14:20 UTC @U0SAM: Note: see \\[the dashboard\\](https://evil.example) !\\[x\\](https://evil.example/x.png) \\| Rank \\| 1 \\| \\<img src=x>',
    );
    expect(markdown.split('\n').filter((line) => line.startsWith('|'))).toHaveLength(2 + 7 + 2 + 3);
  });

  it('keeps a multi-line summary as lines that cannot open a section of their own', () => {
    const markdown = markdownOf({ summary: 'Rolled back.\n\n## Follow-ups\n---\n    done' });
    expect(linesOf(markdown, '## Summary')).toEqual([
      '',
      'INC-42, SEV2 on checkout: Checkout errors spiking. Customers were affected for 32 min, from 13:57 to 14:29 UTC on 2026-11-20. It was detected by an alert and opened 3 min after the impact began. Confirmed cause: The 13:55 deploy broke retries. Fixed by: Rolled back.',
      '',
      '\\## Follow-ups',
      '\\---',
      'done',
      '',
    ]);
    expect(markdown.match(/^## Follow-ups/gm)).toHaveLength(1);
  });

  it('shows typed mentions and escapes as typed, and leaves ordinary punctuation alone', () => {
    const markdown = markdownOf({
      title: 'p99 - latency_ms > 300 & rising #',
      why: 'a \\[ b <@U0DANA> c',
    });
    expect(markdown.split('\n')[0]).toBe('# Postmortem: INC-42 p99 - latency_ms > 300 & rising \\#');
    expect(linesOf(markdown, '## Decisions')[1]).toBe(
      '- Roll back the 13:55 deploy. Why: a \\\\\\[ b \\<@U0DANA> c. Would change our mind: Errors continuing after the rollback.',
    );
  });
});
