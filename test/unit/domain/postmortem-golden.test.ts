import { describe, expect, it } from 'vitest';
import {
  type ClosedIncident,
  type OpenedIncident,
  postmortemDraft,
  renderPostmortemMarkdown,
  replay,
} from '../../../src/domain/index.js';
import { at, incidentHistory, NAMES } from '../../fixtures/incident-history.js';
import { ANSWERS_IN_FULL, recordedHistory } from '../../fixtures/recorded-postmortem.js';
import { POLICY } from './spec.js';

const nameOf = (id: string) => NAMES[id] ?? `@${id}`;
const context = {
  runbook: { service: 'checkout', url: 'https://wiki.example.com/runbooks/checkout' },
  meetingAt: at(20 * 60),
  dueAt: at(40 + 48 * 60),
};

describe('the postmortem draft renderer', () => {
  it('renders the fixed incident history to the reviewed Markdown file', async () => {
    const state = replay(incidentHistory) as OpenedIncident;
    const markdown = renderPostmortemMarkdown(postmortemDraft(state, incidentHistory, POLICY, context), {
      nameOf,
    });
    // Reviewed by hand; a change to the renderer must change this file in the same commit.
    await expect(markdown).toMatchFileSnapshot('../../golden/postmortem-inc-42.md');
  });

  it('names people by their display names, never by their Slack ids', () => {
    const state = replay(incidentHistory) as OpenedIncident;
    const markdown = renderPostmortemMarkdown(postmortemDraft(state, incidentHistory, POLICY), { nameOf });
    expect(markdown).toContain('Dana Reyes became commander');
    expect(markdown).not.toMatch(/U0(DANA|ALEX|SAM)/);
  });

  it('renders the final record: the draft with the answers and the three follow-ups', async () => {
    const history = recordedHistory();
    const state = replay(history) as ClosedIncident;
    const draft = postmortemDraft(state, history, POLICY, context);
    const markdown = renderPostmortemMarkdown(draft, {
      nameOf,
      record: { ...state.postmortem, followUps: state.followUps },
    });
    expect(markdown).toContain(ANSWERS_IN_FULL.gotLucky);
    expect(markdown).not.toContain('To discuss');
    await expect(markdown).toMatchFileSnapshot('../../golden/postmortem-record-inc-42.md');
  });
});
