import { describe, expect, it } from 'vitest';
import { postmortemSummaryMessage } from '../../../src/adapters/slack/views/postmortem-messages.js';
import {
  type OpenedIncident,
  postmortemDraft,
  renderPostmortemMarkdown,
  replay,
} from '../../../src/domain/index.js';
import { longIncidentHistory } from '../../fixtures/incident-history.js';
import { blockKitProblems } from '../../support/block-kit-limits.js';
import { POLICY } from '../domain/spec.js';

describe('the postmortem draft of a 2,000-event incident', () => {
  const events = longIncidentHistory(2_000 - 19);
  const state = replay(events) as OpenedIncident;
  const draft = postmortemDraft(state, events, POLICY);

  it('summarises the timeline in a message within Slack’s limits', () => {
    expect(events).toHaveLength(2_000);
    const message = postmortemSummaryMessage(draft, '00000000-0000-4000-8000-000000000042', 'C0INC');
    expect(blockKitProblems(message.blocks ?? [], 'message')).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('…and 1992 more entries in the full draft below.');
  });

  it('keeps every entry in the Markdown file', () => {
    const markdown = renderPostmortemMarkdown(draft);
    const timeline = markdown.split('## Timeline')[1]?.split('## Hypotheses')[0] ?? '';
    expect(timeline.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(2_000);
    expect(markdown).toContain('Observation 1981: error rate');
  });
});
