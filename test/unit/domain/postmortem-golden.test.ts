import { describe, expect, it } from 'vitest';
import {
  type OpenedIncident,
  postmortemDraft,
  renderPostmortemMarkdown,
  replay,
} from '../../../src/domain/index.js';
import { incidentHistory } from '../../fixtures/incident-history.js';
import { POLICY } from './spec.js';

describe('the postmortem draft renderer', () => {
  it('renders the fixed incident history to the reviewed Markdown file', async () => {
    const state = replay(incidentHistory) as OpenedIncident;
    const markdown = renderPostmortemMarkdown(postmortemDraft(state, incidentHistory, POLICY));
    // Reviewed by hand; a change to the renderer must change this file in the same commit.
    await expect(markdown).toMatchFileSnapshot('../../golden/postmortem-inc-42.md');
  });
});
