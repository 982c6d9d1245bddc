import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type OpenedIncident,
  type PostmortemDraft,
  postmortemDraft,
  renderPostmortemMarkdown,
  replay,
} from '../../src/domain/index.js';
import { incidentHistory } from '../fixtures/incident-history.js';
import { POLICY } from '../unit/domain/spec.js';
import { anyStage } from './support/hostile-history.js';
import { person, userText } from './support/hostile-text.js';
import { OUTLINE, opensBlock, outlineOf, unescapedCount } from './support/markdown-structure.js';

const golden = (() => {
  const state = replay(incidentHistory) as OpenedIncident;
  return postmortemDraft(state, incidentHistory, POLICY);
})();
const words = fc.array(
  fc.oneof(
    userText,
    person.map((user) => ({ user })),
  ),
  { minLength: 1, maxLength: 4 },
);
const pair = fc.record({ text: userText, evidence: fc.option(userText, { nil: null }) });

/** The golden draft with every field people fill in replaced: each renderer path gets hostile words. */
const hostileDraft: fc.Arbitrary<PostmortemDraft> = fc
  .record({
    title: userText,
    summary: userText,
    impact: userText,
    service: fc.option(userText, { nil: null }),
    timeline: fc.array(fc.record({ who: person, parts: words }), { minLength: 1, maxLength: 5 }),
    confirmed: fc.array(pair, { maxLength: 3 }),
    ruledOut: fc.array(pair, { maxLength: 3 }),
    decisions: fc.array(fc.record({ what: userText, why: userText, wouldChangeOurMind: userText }), {
      maxLength: 2,
    }),
    actions: fc.array(
      fc.record({ text: userText, owner: person, result: fc.option(userText, { nil: null }) }),
      { maxLength: 3 },
    ),
    hold: words,
  })
  .map((h) => ({
    ...golden,
    title: h.title,
    summary: h.summary,
    impact: h.impact,
    service: h.service,
    timeline: h.timeline.map((e) => ({ at: golden.openedAt, who: e.who, what: '', parts: e.parts })),
    hypothesesConfirmed: h.confirmed,
    hypothesesRuledOut: h.ruledOut,
    decisions: h.decisions.map((d) => ({ ...d, at: golden.openedAt, by: 'U0DANA' })),
    actions: h.actions.map((a) => ({ ...a, status: 'done' })),
    process: { ...golden.process, holdOutcomeParts: h.hold },
  }));

const nonEmpty = (lines: readonly string[] | undefined) => (lines ?? []).filter((line) => line !== '');
const LIST_SECTIONS = [
  '## Detection',
  '## Timeline',
  '### Confirmed',
  '### Ruled out',
  '### Still open at resolution',
  '## Decisions',
  '## Actions taken',
  '## Responders',
  '## How the process went',
];

/**
 * The postmortem Markdown from incidents whose every word is hostile: the document keeps exactly
 * its outline. No heading, table row, list item, quote, code block, link, image or HTML comes
 * from what people typed, and every timeline entry stays one line.
 */
describe('the postmortem Markdown of a hostile incident', () => {
  it('has exactly its own outline, tables and lists', () => {
    fc.assert(
      fc.property(anyStage, ({ state, events }) => expectOwnOutline(postmortemDraft(state, events, POLICY))),
      { numRuns: 150 },
    );
  });

  it('keeps its outline whatever words fill each field of the draft', () => {
    fc.assert(fc.property(hostileDraft, expectOwnOutline), { numRuns: 200 });
  });
});

function expectOwnOutline(draft: PostmortemDraft): void {
  const markdown = renderPostmortemMarkdown(draft);
  const { title, sections, headings } = outlineOf(markdown);

  expect(title.startsWith(`# Postmortem: INC-${draft.number} `)).toBe(true);
  expect(headings).toEqual([title, ...OUTLINE]);

  const lines = markdown.split('\n');
  const isRow = (line: string) => /^ {0,3}\|/.test(line);
  const rows = lines.filter(isRow);
  expect(rows).toHaveLength(2 + draft.keyTimes.length + 2 + 3);
  expect(rows.filter((row) => ![3, 7].includes(unescapedCount(row, '|')))).toEqual([]);
  expect(lines.filter((line) => !isRow(line) && unescapedCount(line, '|') > 0)).toEqual([]);
  for (const ch of ['<', '[', ']']) expect(unescapedCount(markdown, ch), ch).toBe(0);

  // Impact ends with its four facts; every other line there and in the summary is people's words.
  const impact = nonEmpty(sections.get('## Impact'));
  expect(impact.slice(-4).map((line) => line.split(':')[0])).toEqual([
    '- Severity',
    '- Service',
    '- Customer impact',
    '- Duration',
  ]);
  const paragraphs = [
    ...nonEmpty(sections.get('## Summary')),
    ...impact.slice(0, -4),
    ...nonEmpty(sections.get('## Customer message')).slice(1),
  ];
  expect(paragraphs.filter(opensBlock)).toEqual([]);
  const items = LIST_SECTIONS.flatMap((section) => nonEmpty(sections.get(section)));
  expect(items.filter((line) => !line.startsWith('- ') || opensBlock(line.slice(2)))).toEqual([]);
  expect(nonEmpty(sections.get('## Timeline'))).toHaveLength(draft.timeline.length);
}
