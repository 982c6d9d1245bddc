import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  changeNoticeMessage,
  commanderNudgeMessage,
  stagePromptMessage,
} from '../../../src/adapters/slack/views/change-messages.js';
import { commanderBriefMessage } from '../../../src/adapters/slack/views/commander-brief.js';
import type { SlackMessage } from '../../../src/adapters/slack/views/format.js';
import type { NoticedChange } from '../../../src/app/effects.js';
import {
  type IncidentEvent,
  type OpenedIncident,
  replay,
  type TimerPolicy,
  timersFor,
} from '../../../src/domain/index.js';
import { at, incidentHistory } from '../../fixtures/incident-history.js';
import { POLICY } from '../../support/incident-events.js';

const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
const SAM = 'U0SAM';
const PRIYA = 'U0PRIYA';
const NUDGING: TimerPolicy = { ...POLICY, commanderNudgeAfter: 5 * 60_000 };

/** A message as a reader sees it: each block's text in order, buttons as `[label]`. */
function asRead(message: SlackMessage): string {
  const blocks = (message.blocks ?? []).map((block: KnownBlock) => {
    if (block.type === 'section') return block.text?.text ?? '';
    if (block.type === 'context')
      return block.elements.map((e) => ('text' in e && typeof e.text === 'string' ? e.text : '')).join(' ');
    if (block.type === 'actions')
      return block.elements
        .map((e) => ('text' in e && e.text && typeof e.text === 'object' ? `[${e.text.text}]` : ''))
        .join(' ');
    return `(${block.type})`;
  });
  return [`notification: ${message.text}`, ...blocks].join('\n');
}

/** The fixture incident 22 minutes in: one cause ruled out, one being tested, a rollback under way. */
const before: IncidentEvent[] = [
  ...incidentHistory.filter((e) => Date.parse(e.at) <= Date.parse(at(20))),
  {
    type: 'HypothesisUpdated',
    at: at(21),
    by: SAM,
    hypothesisId: 'h2',
    status: 'testing',
    evidence: null,
  },
];
const handOff: IncidentEvent = {
  type: 'RoleAssigned',
  at: at(22),
  by: DANA,
  role: 'commander',
  userId: PRIYA,
  previous: DANA,
  via: 'handed_off',
};
const state = replay([...before, handOff]) as OpenedIncident;

const CHANGES: readonly NoticedChange[] = [
  { type: 'RoleAssigned', at: at(2), by: DANA, role: 'commander', userId: DANA, previous: null, via: 'took' },
  handOff as NoticedChange,
  {
    type: 'RoleAssigned',
    at: at(23),
    by: PRIYA,
    role: 'scribe',
    userId: SAM,
    previous: null,
    via: 'assigned',
  },
  {
    type: 'RoleAssigned',
    at: at(24),
    by: PRIYA,
    role: 'communicator',
    userId: SAM,
    previous: ALEX,
    via: 'assigned',
  },
  { type: 'RoleReleased', at: at(25), by: SAM, role: 'scribe', userId: SAM },
  { type: 'RoleReleased', at: at(26), by: PRIYA, role: 'commander', userId: PRIYA },
  {
    type: 'SeverityChanged',
    at: at(27),
    by: PRIYA,
    from: 'SEV2',
    to: 'SEV1',
    reason: 'Checkout fully down in <all> regions & the app',
    triage: null,
    asCommander: true,
  },
  {
    type: 'SeverityChanged',
    at: at(28),
    by: PRIYA,
    from: 'pending',
    to: 'SEV3',
    reason: 'triage answers',
    triage: null,
    asCommander: true,
  },
  { type: 'StatusChanged', at: at(29), by: PRIYA, from: 'investigating', to: 'identified', note: null },
  {
    type: 'StatusChanged',
    at: at(30),
    by: PRIYA,
    from: 'identified',
    to: 'monitoring',
    note: 'Rollback done; watching errors',
  },
  { type: 'ServiceSet', at: at(31), by: PRIYA, from: null, to: 'checkout', asCommander: true },
  { type: 'ServiceSet', at: at(32), by: PRIYA, from: 'checkout', to: 'checkout-api', asCommander: true },
  { type: 'IncidentReopened', at: at(50), by: PRIYA, reason: 'Errors are back on 3 hosts' },
];

describe('the texts that make changes visible (reviewed by hand)', () => {
  it('one line per change, who did what, people’s words escaped', async () => {
    const notices = CHANGES.map((change) => asRead(changeNoticeMessage(state, change))).join('\n\n');
    await expect(`${notices}\n`).toMatchFileSnapshot('../../golden/change-notices.txt');
  });

  it('the briefing a new commander gets', async () => {
    const next = [...timersFor(state, NUDGING)].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] ?? null;
    const brief = commanderBriefMessage(state, { by: DANA, via: 'handed_off' }, 'C0INC42', at(22), next);
    await expect(`${asRead(brief)}\n`).toMatchFileSnapshot('../../golden/commander-brief.txt');
  });

  it('the briefing at the very start, when nothing is known yet', async () => {
    const took: IncidentEvent = {
      type: 'RoleAssigned',
      at: at(1),
      by: SAM,
      role: 'commander',
      userId: SAM,
      previous: null,
      via: 'took',
    };
    const early = replay([incidentHistory[0] as IncidentEvent, took]) as OpenedIncident;
    const next = [...timersFor(early, NUDGING)].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] ?? null;
    const brief = commanderBriefMessage(early, { by: SAM, via: 'took' }, 'C0INC42', at(1), next);
    await expect(`${asRead(brief)}\n`).toMatchFileSnapshot('../../golden/commander-brief-empty.txt');
  });

  it('the stage prompt and the nudge to take command', async () => {
    const nudged = replay([
      incidentHistory[0] as IncidentEvent,
      { type: 'CommanderNudged', at: at(5), by: 'system' },
    ]);
    const texts = [
      asRead(stagePromptMessage(state, 'identified', ALEX)),
      asRead(stagePromptMessage(state, 'monitoring', null)),
      asRead(commanderNudgeMessage(nudged as OpenedIncident)),
    ].join('\n\n');
    await expect(`${texts}\n`).toMatchFileSnapshot('../../golden/stage-prompt-and-command-nudge.txt');
  });
});
