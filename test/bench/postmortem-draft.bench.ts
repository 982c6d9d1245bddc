import { postmortemSummaryMessage } from '../../src/adapters/slack/views/postmortem-messages.js';
import {
  type OpenedIncident,
  postmortemDraft,
  renderPostmortemMarkdown,
  replay,
  type TimerPolicy,
} from '../../src/domain/index.js';
import { longIncidentHistory } from '../fixtures/incident-history.js';
import { type Figures, measure } from './measure.js';

const POLICY: TimerPolicy = {
  escalateAfter: 30 * 60_000,
  postmortemDue: 48 * 3_600_000,
  updateCadence: { SEV1: 30 * 60_000, SEV2: 60 * 60_000, SEV3: 0, SEV4: 0 },
  followUpReminderLead: 24 * 3_600_000,
};

/**
 * Generating the postmortem draft of a 2,000-event incident: replay to state, the draft, its
 * Markdown file and the Slack summary message. Target: under 200 ms.
 */
export async function benchPostmortemDraft(): Promise<Figures[]> {
  const events = longIncidentHistory(2_000 - 18);
  const generate = async () => {
    const state = replay(events) as OpenedIncident;
    const draft = postmortemDraft(state, events, POLICY);
    renderPostmortemMarkdown(draft);
    postmortemSummaryMessage(draft, '00000000-0000-4000-8000-000000000042', 'C0INC');
  };
  return [await measure('postmortem draft, 2,000 events (target < 200 ms)', 100, generate)];
}
