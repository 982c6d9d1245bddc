import { describe, expect, it } from 'vitest';
import { composeUpdate } from '../../../src/adapters/slack/views/compose-update.js';
import { finalUpdateField } from '../../../src/adapters/slack/views/final-update-field.js';
import type { SlackMessage } from '../../../src/adapters/slack/views/format.js';
import { timeWords } from '../../../src/adapters/slack/views/time-words.js';
import {
  holdSummaryMessage,
  stakeholderUpdateMessage,
} from '../../../src/adapters/slack/views/timer-messages.js';
import {
  type IncidentEvent,
  type Instant,
  type OpenedIncident,
  replay,
  stakeholderUpdateDraft,
} from '../../../src/domain/index.js';
import { at, incidentHistory } from '../../fixtures/incident-history.js';
import { POLICY } from '../domain/spec.js';

/**
 * The fixed incident (checkout errors after a deploy), triaged at opening as some customers on a
 * critical path with no workaround, and with the monitoring stage the fixture skips.
 */
const [openedEvent, ...rest] = incidentHistory;
const history: IncidentEvent[] = [
  {
    ...(openedEvent as Extract<IncidentEvent, { type: 'IncidentOpened' }>),
    triage: { customerImpact: 'some', criticalPathDown: true, dataAtRisk: false, workaroundExists: false },
  },
  ...rest,
];
const until = (minutes: number): IncidentEvent[] => history.filter((e) => e.at <= at(minutes));
const monitoring: IncidentEvent = {
  type: 'StatusChanged',
  at: at(29),
  by: 'U0DANA',
  from: 'identified',
  to: 'monitoring',
  note: null,
};
const ZONE = 'UTC';

/** The update as the communicator would post it, unedited: the draft, then its promise. */
function posted(events: IncidentEvent[], now: Instant, chosen: Instant | null, expected: string | null) {
  const state = replay(events) as OpenedIncident;
  const draft = stakeholderUpdateDraft(state, now, POLICY, timeWords(ZONE, now));
  const composed = composeUpdate(state, draft.body, {
    now,
    chosen,
    expectedResolution: expected,
    policy: POLICY,
    zone: ZONE,
  });
  if ('error' in composed) throw new Error(composed.error);
  return { state, text: composed.text };
}

// Reviewed by hand, read as the customer and the VP would; a change to a text changes its file.
describe('the stakeholder update at each stage, from the fixed incident', () => {
  it('investigating: an action under way, one cause ruled out, the next update from the cadence', async () => {
    const { text } = posted(until(18), at(18), null, null);
    await expect(`${text}\n`).toMatchFileSnapshot('../../golden/update-investigating.txt');
  });

  it('identified: the cause found, the commander’s estimate, the next update in 15 minutes', async () => {
    const { text } = posted(until(27), at(27), at(42), 'by 14:45 UTC');
    await expect(`${text}\n`).toMatchFileSnapshot('../../golden/update-identified.txt');
  });

  it('monitoring: the fix in place and being watched', async () => {
    const { text } = posted([...until(28), monitoring], at(31), null, null);
    await expect(`${text}\n`).toMatchFileSnapshot('../../golden/update-monitoring.txt');
  });

  it('resolved: the final update, in the past tense, with the impact window', async () => {
    const { text } = posted(history, at(40), null, null);
    await expect(`${text}\n`).toMatchFileSnapshot('../../golden/update-resolved.txt');
  });

  it('the final update as the resolve form drafts it, before the summary is written', async () => {
    const state = replay([...until(28), monitoring]) as OpenedIncident;
    await expect(`${finalUpdateField(state, at(30), ZONE)}\n`).toMatchFileSnapshot(
      '../../golden/update-final-in-resolve-form.txt',
    );
  });

  it('the posted update as Slack shows it (mrkdwn: escaped, with its title and byline)', async () => {
    const { state, text } = posted(until(27), at(27), at(42), 'by 14:45 UTC');
    const message = stakeholderUpdateMessage(state, text, 'U0ALEX');
    await expect(shown(message)).toMatchFileSnapshot('../../golden/update-slack-message.txt');
  });
});

describe('the hold-end summary, from the fixed incident', () => {
  it('lists what was ruled out with its evidence', async () => {
    const state = replay(until(12)) as OpenedIncident;
    await expect(shown(holdSummaryMessage(state))).toMatchFileSnapshot('../../golden/hold-summary.txt');
  });
});

/** A message's blocks as mrkdwn, one block after another. */
function shown(message: SlackMessage): string {
  const blocks = (message.blocks ?? []).map((block) =>
    block.type === 'section'
      ? (block.text?.text ?? '')
      : block.type === 'context'
        ? block.elements.map((e) => ('text' in e ? e.text : '')).join(' ')
        : `[${block.type}]`,
  );
  return `${blocks.join('\n---\n')}\n`;
}
