import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  addActionModal,
  noticeView,
  updateActionModal,
} from '../../src/adapters/slack/views/action-modals.js';
import { decisionModal } from '../../src/adapters/slack/views/decision-modal.js';
import { dropFollowUpModal } from '../../src/adapters/slack/views/drop-follow-up-modal.js';
import { evidenceModal } from '../../src/adapters/slack/views/evidence-modal.js';
import { helpText } from '../../src/adapters/slack/views/help.js';
import { renderHome } from '../../src/adapters/slack/views/home.js';
import { addHypothesisModal, liftHoldModal } from '../../src/adapters/slack/views/modals.js';
import { openModal } from '../../src/adapters/slack/views/open-modal.js';
import { postmortemModal } from '../../src/adapters/slack/views/postmortem-modal.js';
import { resolveModal } from '../../src/adapters/slack/views/resolve-modal.js';
import { changeSeverityModal, classifyModal } from '../../src/adapters/slack/views/severity-modals.js';
import { renderStatus } from '../../src/adapters/slack/views/status.js';
import { renderTimers } from '../../src/adapters/slack/views/timers.js';
import { updateModal } from '../../src/adapters/slack/views/update-modal.js';
import type { StoredIncident } from '../../src/app/ports/incident-store.js';
import { type OpenedIncident, timersFor } from '../../src/domain/index.js';
import { POLICY } from '../unit/domain/spec.js';
import { expectSafeReply, expectSafeView } from './support/expect-safe.js';
import {
  anyStage,
  closedIncident,
  type HostileIncident,
  minutesAfterStart,
} from './support/hostile-history.js';
import { PEOPLE, person, userText } from './support/hostile-text.js';

const ID = '00000000-0000-4000-8000-000000000042';
const stored = (
  { state, channelId }: HostileIncident,
  n = 0,
): StoredIncident & { state: OpenedIncident } => ({
  id: `${ID.slice(0, -2)}${String(n).padStart(2, '0')}`,
  teamId: 'T1',
  number: state.number,
  state,
  version: 1,
  channelId,
  channelName: null,
  headerTs: null,
  announcement: null,
});

/** Modals, the Home tab and private replies built from hostile incidents and hostile input. */
describe('modals, the Home tab and replies built from hostile words', () => {
  it('the modals that show an incident’s or a person’s words', () => {
    fc.assert(
      fc.property(anyStage, userText, userText, userText, (incident, a, b, c) => {
        const { state } = incident;
        expectSafeView(
          updateModal({ incidentId: ID }, state, minutesAfterStart(50), POLICY, 'UTC'),
          'update modal',
        );
        expectSafeView(
          openModal(
            { channel: 'C0INC', duplicateAcknowledged: false },
            { title: a, service: b, answers: { customerImpact: c }, flags: ['drill'] },
          ),
          'open modal',
        );
        expectSafeView(
          updateActionModal({ incidentId: ID, actionId: 'a1', op: 'abandon' }, a),
          'action modal',
        );
        expectSafeView(
          evidenceModal({ incidentId: ID, hypothesisId: 'h1', status: 'ruled_out' }, b),
          'evidence',
        );
        expectSafeView(dropFollowUpModal({ incidentId: ID, followUpId: 'f1' }, c), 'drop modal');
        expectSafeView(noticeView('Action proposed', 'Kept as proposed until 14:10 UTC.'), 'notice');
      }),
      { numRuns: 150 },
    );
  });

  it('the forms that show no one’s words, whoever opens them', () => {
    fc.assert(
      fc.property(anyStage, person, ({ state }, actor) => {
        const metadata = { incidentId: ID };
        const forms = [
          liftHoldModal(metadata),
          addHypothesisModal(metadata),
          addActionModal(metadata, actor),
          decisionModal(metadata),
          resolveModal(metadata, state.severity),
          classifyModal(metadata),
          changeSeverityModal({ incidentId: ID, severity: 'SEV1' }),
        ];
        for (const form of forms) expectSafeView(form, String(form.type === 'modal' && form.callback_id));
      }),
      { numRuns: 20 },
    );
  });

  it('the postmortem modal listing what earlier incidents on the service promised', () => {
    fc.assert(
      fc.property(anyStage, fc.array(closedIncident, { maxLength: 6 }), ({ state }, earlier) => {
        const view = postmortemModal(
          { incidentId: ID },
          { number: state.number, title: state.title, service: state.service },
          earlier.map(({ state: e }, i) => ({
            visible: true as const,
            number: e.number,
            title: e.title,
            status: e.status,
            followUps: i % 2 === 0 ? e.followUps : null,
          })),
        );
        expectSafeView(view, 'postmortem modal');
      }),
      { numRuns: 60 },
    );
  });

  it('the Home tab, with the viewer’s roles, actions and follow-ups', () => {
    fc.assert(
      fc.property(
        fc.array(anyStage, { minLength: 1, maxLength: 5 }),
        fc.array(closedIncident, { maxLength: 3 }),
        fc.constantFrom(...PEOPLE),
        (incidents, closed, viewer) => {
          const followUps = closed.flatMap(({ state }) =>
            state.followUps.map((followUp) => ({
              incidentId: ID,
              number: state.number,
              followUp: { ...followUp, owner: viewer },
            })),
          );
          const home = renderHome(viewer, incidents.map(stored), '/incident', { followUps });
          expectSafeView(home, 'home');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('private replies: status, help with whatever word was typed, and the timers', () => {
    fc.assert(
      fc.property(anyStage, userText, person, (incident, word, viewer) => {
        expectSafeReply(renderStatus(stored(incident)), 'status');
        expectSafeReply(helpText('/incident', word, { incident: incident.state, userId: viewer }), 'help');
        const placed = timersFor(incident.state, POLICY).map((t) => ({ ...t, fireAt: t.dueAt }));
        expectSafeReply(renderTimers(placed, minutesAfterStart(20), 'Europe/Berlin'), 'timers');
      }),
      { numRuns: 150 },
    );
  });
});
