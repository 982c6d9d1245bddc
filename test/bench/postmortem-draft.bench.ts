import { postmortemSummaryMessage } from '../../src/adapters/slack/views/postmortem-messages.js';
import {
  type OpenedIncident,
  postmortemDraft,
  renderPostmortemMarkdown,
  replay,
} from '../../src/domain/index.js';
import { longIncidentHistory } from '../fixtures/incident-history.js';
import { BENCH_POLICY } from './bench-incidents.js';
import { type Figures, measure } from './measure.js';

/**
 * Generating the postmortem draft of a 2,000-event incident: replay to state, the draft, its
 * Markdown file and the Slack summary message. Target: under 200 ms.
 */
export async function benchPostmortemDraft(): Promise<Figures[]> {
  const events = longIncidentHistory(2_000 - 18);
  const generate = async () => {
    const state = replay(events) as OpenedIncident;
    const draft = postmortemDraft(state, events, BENCH_POLICY);
    renderPostmortemMarkdown(draft);
    postmortemSummaryMessage(draft, '00000000-0000-4000-8000-000000000042', 'C0INC');
  };
  return [await measure('postmortem draft, 2,000 events (target < 200 ms)', 100, generate)];
}
