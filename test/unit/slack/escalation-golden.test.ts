import { describe, expect, it } from 'vitest';
import {
  escalationBriefMessage,
  escalationPageMessage,
} from '../../../src/adapters/slack/views/escalation-messages.js';
import type { SlackMessage } from '../../../src/adapters/slack/views/format.js';
import {
  escalationBrief,
  type IncidentEvent,
  type OpenedIncident,
  replay,
} from '../../../src/domain/index.js';
import {
  escalatedBeyondPolicy,
  escalatedByHand,
  escalatedDrill,
  escalatedInvestigating,
  escalatedMonitoring,
} from '../../fixtures/escalation-history.js';

const CHANNEL = 'C0INC';
const SENIORS = ['U0SENIOR', 'U0ONCALL'];

/** A message as a person reads it: the notification line, then each section. */
function readable(message: SlackMessage): string {
  const sections = (message.blocks ?? []).map((block) =>
    block.type === 'section' && block.text ? block.text.text : JSON.stringify(block),
  );
  return [`Notification: ${message.text}`, ...sections].join('\n\n---\n\n').concat('\n');
}

function briefOf(history: readonly IncidentEvent[]) {
  const brief = escalationBrief(replay(history) as OpenedIncident, history, null);
  if (!brief) throw new Error('the fixture escalates');
  return brief;
}

const CASES = {
  normal: escalatedInvestigating,
  monitoring: escalatedMonitoring,
  drill: escalatedDrill,
  manual: escalatedByHand,
  'beyond-policy': escalatedBeyondPolicy,
} as const;

// Reviewed by hand, read as the VP and the senior engineer would; a change to the wording must
// change these files in the same commit.
describe('the escalation messages, rendered from the fixed checkout incident', () => {
  it.each(Object.entries(CASES))('the VP brief and the senior page: %s', async (name, history) => {
    const brief = briefOf(history);
    await expect(readable(escalationBriefMessage(brief, CHANNEL))).toMatchFileSnapshot(
      `../../golden/escalation-brief-${name}.txt`,
    );
    const paged = brief.drill ? [] : SENIORS;
    await expect(readable(escalationPageMessage(brief, CHANNEL, paged))).toMatchFileSnapshot(
      `../../golden/escalation-page-${name}.txt`,
    );
  });
});

describe('what the senior engineer is asked, by hand', () => {
  it('names who asked, and says to lead when nobody is commander', () => {
    const brief = briefOf(escalatedByHand);
    const asked = { ...brief.escalation, by: 'U0ALEX' };
    const ask = (commander: string | null) =>
      JSON.stringify(
        escalationPageMessage({ ...brief, commander, escalation: asked }, CHANNEL, SENIORS).blocks,
      );
    expect(ask('U0DANA')).toContain(
      'join <#C0INC> and help the commander, <@U0DANA>; <@U0ALEX> asks: “We need',
    );
    expect(ask(null)).toContain('join <#C0INC> and help with what <@U0ALEX> asks: “We need');
    expect(ask(null)).toContain(
      'Nobody is commander yet: take the role on the pinned header if you will lead.',
    );
  });
});
