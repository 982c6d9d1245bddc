import { describe, expect, it } from 'vitest';
import { updateActionModal } from '../../../src/adapters/slack/views/action-modals.js';
import { renderAnnouncement } from '../../../src/adapters/slack/views/announcement.js';
import { dropFollowUpModal } from '../../../src/adapters/slack/views/drop-follow-up-modal.js';
import { evidenceModal } from '../../../src/adapters/slack/views/evidence-modal.js';
import type { SlackMessage } from '../../../src/adapters/slack/views/format.js';
import { renderHeader } from '../../../src/adapters/slack/views/header.js';
import { renderHome } from '../../../src/adapters/slack/views/home.js';
import { openModal } from '../../../src/adapters/slack/views/open-modal.js';
import {
  postmortemRecordMessage,
  postmortemSummaryMessage,
  resolutionMessage,
} from '../../../src/adapters/slack/views/postmortem-messages.js';
import { postmortemModal } from '../../../src/adapters/slack/views/postmortem-modal.js';
import {
  holdSummaryMessage,
  stakeholderUpdateMessage,
} from '../../../src/adapters/slack/views/timer-messages.js';
import { updateModal } from '../../../src/adapters/slack/views/update-modal.js';
import { renderWeeklyReview } from '../../../src/adapters/slack/views/weekly-review.js';
import { weeklyReview } from '../../../src/app/weekly-review.js';
import {
  type ClosedIncident,
  type IncidentEvent,
  type OpenedIncident,
  postmortemDraft,
  replay,
} from '../../../src/domain/index.js';
import { messageRefusal, viewProblems } from '../../support/block-kit-limits.js';
import { ALEX, at, commanderIs, DANA, opened, POLICY, resolved } from '../domain/spec.js';

/** 100 kB of words that also grow fivefold when escaped. */
const HUGE = '&<'.repeat(50_000);
const ID = '00000000-0000-4000-8000-000000000042';

const work: IncidentEvent[] = Array.from({ length: 8 }, (_, i): IncidentEvent[] => [
  { type: 'HypothesisProposed', at: at(2), by: ALEX, hypothesisId: `h${i}`, text: HUGE },
  {
    type: 'ActionStarted',
    at: at(3),
    by: ALEX,
    actionId: `a${i}`,
    text: HUGE,
    owner: ALEX,
    hypothesisId: null,
    wasProposed: false,
  },
]).flat();
const live = replay([opened({ title: HUGE, service: HUGE }), commanderIs(DANA), ...work]) as OpenedIncident;
const history: IncidentEvent[] = [
  opened({ title: HUGE, service: HUGE }),
  commanderIs(DANA),
  ...work,
  { type: 'HypothesisUpdated', at: at(5), by: ALEX, hypothesisId: 'h1', status: 'confirmed', evidence: HUGE },
  { type: 'HoldLifted', at: at(6), by: DANA, reason: HUGE, endsAt: at(10), asCommander: true },
  resolved(40, { summary: HUGE }),
  {
    type: 'PostmortemRecorded',
    at: at(100),
    by: DANA,
    answers: {
      whatHappened: HUGE,
      whyNotDetectedSooner: HUGE,
      whyResponseTookSoLong: HUGE,
      whatWeChange: HUGE,
    },
    followUps: ([1, 2, 3] as const).map((rank) => ({
      id: `f${rank}`,
      title: HUGE,
      owner: ALEX,
      due: '2026-12-01',
      rank,
      control: false,
    })),
    asCommander: true,
  },
];
const closed = replay(history) as ClosedIncident;

const messageOk = (message: SlackMessage) => expect(messageRefusal(message)).toBeNull();

describe('Block Kit limits with every word 100 kB', () => {
  it('keep every message within Slack’s limits', () => {
    messageOk(renderHeader(live, { policy: POLICY, command: '/incident' }));
    messageOk(renderHeader(closed, { policy: POLICY, command: '/incident' }));
    messageOk(renderAnnouncement(live, 'C0INC'));
    messageOk(holdSummaryMessage(live));
    messageOk(stakeholderUpdateMessage(live, HUGE, ALEX));
    messageOk(resolutionMessage(closed, at(3000)));
    messageOk(postmortemSummaryMessage(postmortemDraft(closed, history, POLICY), ID, 'C0INC'));
    messageOk(postmortemRecordMessage(closed, ID));
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: ID,
      channelId: 'C0INC',
      state: { ...closed, followUps: closed.followUps.map((f) => ({ ...f, owner: `U0OWNER${i}` })) },
    }));
    const review = renderWeeklyReview(weeklyReview(many, '2026-12-05', at(300)), {
      kind: 'channel',
      teamId: 'T1',
    });
    for (const message of review) messageOk(message);
  });

  it('keep every modal and the Home tab within Slack’s limits, prefilled inputs within their max_length', () => {
    const views = [
      updateModal({ incidentId: ID }, live, at(20), POLICY, 'UTC'),
      openModal(
        { channel: 'C0INC', duplicateAcknowledged: true },
        { title: HUGE, service: HUGE, answers: {}, flags: [] },
        HUGE,
      ),
      updateActionModal({ incidentId: ID, actionId: 'a1', op: 'done' }, HUGE),
      evidenceModal({ incidentId: ID, hypothesisId: 'h1', status: 'confirmed' }, HUGE),
      dropFollowUpModal({ incidentId: ID, followUpId: 'f1' }, HUGE),
      postmortemModal({ incidentId: ID }, { number: 123_456_789, title: HUGE, service: HUGE }, [
        { visible: true, number: 1, title: HUGE, status: 'closed', followUps: closed.followUps },
        { visible: false },
        { visible: true, number: 2, title: HUGE, status: 'resolved', followUps: null },
      ]),
      renderHome(
        ALEX,
        [
          {
            id: ID,
            teamId: 'T1',
            number: 1,
            state: live,
            version: 1,
            channelId: 'C0INC',
            channelName: null,
            headerTs: null,
            announcement: null,
          },
        ],
        '/incident',
        { followUps: closed.followUps.map((followUp) => ({ incidentId: ID, number: 1, followUp })) },
      ),
    ];
    for (const view of views) expect(viewProblems(view)).toEqual([]);
  });

  it('prefill the stakeholder update with all four parts, the incident’s words quoted in part', () => {
    const view = updateModal({ incidentId: ID }, live, at(20), POLICY, 'UTC');
    const input = view.blocks[0] as { element: { initial_value: string } };
    const lines = input.element.initial_value.split('\n');
    // The actions under way are list items under the last part, each cut, the rest counted.
    expect(lines.filter((line) => line.startsWith('• ')).at(-1)).toMatch(/^• …and \d+ more$/);
    expect(lines.filter((line) => !line.startsWith('• ')).map((line) => line.split(':')[0])).toEqual([
      'What is affected',
      'What we know',
      "What we don't know yet",
      'What we are doing',
    ]);
  });
});
