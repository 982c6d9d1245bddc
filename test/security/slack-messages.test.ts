import fc from 'fast-check';
import { describe, it } from 'vitest';
import { renderAnnouncement } from '../../src/adapters/slack/views/announcement.js';
import {
  escalationBriefMessage,
  escalationPageMessage,
} from '../../src/adapters/slack/views/escalation-messages.js';
import { renderHeader } from '../../src/adapters/slack/views/header.js';
import {
  postmortemRecordMessage,
  postmortemSummaryMessage,
  resolutionMessage,
} from '../../src/adapters/slack/views/postmortem-messages.js';
import {
  followUpReminderMessage,
  holdSummaryMessage,
  postmortemReminderMessage,
  stakeholderUpdateMessage,
  updateNudgeMessage,
} from '../../src/adapters/slack/views/timer-messages.js';
import { renderWeeklyReview } from '../../src/adapters/slack/views/weekly-review.js';
import { weeklyReview } from '../../src/app/weekly-review.js';
import { escalationBrief, type IncidentEvent, postmortemDraft } from '../../src/domain/index.js';
import { POLICY } from '../unit/domain/spec.js';
import { expectSafeMessage } from './support/expect-safe.js';
import { anyStage, closedIncident, minutesAfterStart, resolvedIncident } from './support/hostile-history.js';
import { person, userText } from './support/hostile-text.js';

const INCIDENT_ID = '00000000-0000-4000-8000-000000000042';
const RUNS = { numRuns: 150 };

/**
 * Every message the bot posts, from incidents whose every word is hostile: nothing people typed
 * acts in Slack (no ping, no mention, no link), and Slack accepts every payload.
 */
describe('messages built from hostile incidents', () => {
  it('the header and the announcement', () => {
    fc.assert(
      fc.property(anyStage, ({ state, channelId }) => {
        expectSafeMessage(renderHeader(state, { policy: POLICY, command: '/incident' }), 'header');
        expectSafeMessage(renderAnnouncement(state, channelId), 'announcement');
      }),
      RUNS,
    );
  });

  it('what timers post, and stakeholder updates', () => {
    fc.assert(
      fc.property(
        anyStage,
        userText,
        person,
        fc.array(person, { maxLength: 4 }),
        ({ state, events, channelId }, update, by, seniors) => {
          expectSafeMessage(holdSummaryMessage(state), 'hold summary');
          // Escalated by a hostile person, with hostile words, after every hostile update.
          const escalated: IncidentEvent = {
            type: 'IncidentEscalated',
            at: minutesAfterStart(30),
            by,
            openForMs: 30 * 60_000,
            audiences: ['senior', 'exec'],
            reason: update,
            beyondPolicy: true,
          };
          const brief = escalationBrief(state, [...events, escalated], null);
          if (!brief) throw new Error('the escalation is on the timeline');
          expectSafeMessage(escalationPageMessage(brief, channelId, seniors), 'escalation page');
          expectSafeMessage(escalationBriefMessage(brief, channelId), 'escalation brief');
          expectSafeMessage(escalationBriefMessage({ ...brief, drill: true }, channelId), 'drill brief');
          expectSafeMessage(updateNudgeMessage(state, by), 'update nudge');
          expectSafeMessage(stakeholderUpdateMessage(state, update, by), 'stakeholder update');
        },
      ),
      RUNS,
    );
  });

  it('resolution, the postmortem draft’s summary and the reminders', () => {
    fc.assert(
      fc.property(resolvedIncident, ({ state, events, channelId }) => {
        expectSafeMessage(resolutionMessage(state, minutesAfterStart(3000)), 'resolution');
        const draft = postmortemDraft(state, events, POLICY);
        expectSafeMessage(postmortemSummaryMessage(draft, INCIDENT_ID, channelId), 'postmortem summary');
        expectSafeMessage(
          postmortemReminderMessage(state, 3, minutesAfterStart(3000), channelId),
          'reminder',
        );
      }),
      RUNS,
    );
  });

  it('the recorded postmortem, follow-up reminders and the weekly review', () => {
    fc.assert(
      fc.property(fc.array(closedIncident, { minLength: 1, maxLength: 3 }), (incidents) => {
        for (const { state } of incidents) {
          expectSafeMessage(postmortemRecordMessage(state, INCIDENT_ID), 'postmortem record');
          for (const followUp of state.followUps)
            expectSafeMessage(followUpReminderMessage(INCIDENT_ID, state, followUp, 'overdue'), 'follow-up');
        }
        const review = weeklyReview(
          incidents.map((i, n) => ({
            id: `${INCIDENT_ID.slice(0, -1)}${n}`,
            state: i.state,
            channelId: i.channelId,
          })),
          '2026-12-05',
          minutesAfterStart(300),
        );
        for (const audience of [
          { kind: 'channel', teamId: 'T1' },
          { kind: 'owner', teamId: 'T1', owner: 'U0OWNER' },
        ] as const)
          for (const message of renderWeeklyReview(review, audience))
            expectSafeMessage(message, `weekly review (${audience.kind})`);
      }),
      { numRuns: 80 },
    );
  });
});
