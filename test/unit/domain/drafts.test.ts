import { describe, expect, it } from 'vitest';
import {
  type IncidentEvent,
  type OpenedIncident,
  postmortemDraft,
  renderPostmortemMarkdown,
  renderStakeholderUpdate,
  replay,
  stakeholderUpdateDraft,
} from '../../../src/domain/index.js';
import { POSTMORTEM_OUTLINE } from '../../support/postmortem-outline.js';
import { ALEX, at, commanderIs, DANA, holdEnded, opened, POLICY, resolved, statusChanged } from './spec.js';

const state = (...events: IncidentEvent[]) => replay(events) as OpenedIncident;
const hypothesis = (id: string, text: string): IncidentEvent => ({
  type: 'HypothesisProposed',
  at: at(2),
  by: ALEX,
  hypothesisId: id,
  text,
});
const mark = (
  id: string,
  status: 'ruled_out' | 'confirmed',
  evidence: string,
  minutes = 12,
): IncidentEvent => ({
  type: 'HypothesisUpdated',
  at: at(minutes),
  by: ALEX,
  hypothesisId: id,
  status,
  evidence,
});

describe('the stakeholder update draft', () => {
  it('says plainly what is not known while investigating, with no resolution time', () => {
    const draft = stakeholderUpdateDraft(
      state(opened(), hypothesis('h1', 'DNS'), mark('h1', 'ruled_out', 'resolves fine')),
      at(5),
      POLICY,
    );
    expect(draft).toMatchObject({
      stage: 'investigating',
      affected: 'Checkout: a major disruption.',
      nextUpdateAt: at(60),
    });
    expect(draft.known).toContain('We have ruled out 1 possible cause so far');
    expect(draft.notYetKnown).toMatch(/do not know the cause yet, so we cannot say when/);
    expect([draft.known, draft.notYetKnown, draft.doing].join(' ')).not.toMatch(/\d{1,2}:\d{2}|by \d/);
  });

  it('names the confirmed cause once identified, and a resolution time only if the commander gave one', () => {
    const identified = statusChanged(15, 'identified');
    const started: IncidentEvent = {
      type: 'ActionStarted',
      at: at(14),
      by: ALEX,
      actionId: 'a1',
      text: 'Rolling back the deploy',
      owner: ALEX,
      hypothesisId: 'h1',
      wasProposed: false,
    };
    const base = [
      opened(),
      hypothesis('h1', 'The 14:02 deploy broke the payment client.'),
      mark('h1', 'confirmed', 'rollback fixed staging'),
      started,
      identified,
    ];
    const draft = stakeholderUpdateDraft(state(...base), at(16), POLICY);
    expect(draft.known).toBe('We have found the cause: the 14:02 deploy broke the payment client.');
    expect(draft.notYetKnown).toBe('We do not yet know how long the fix will take.');
    expect(draft.doing).toBe('We are rolling back the deploy.');
    const promised: IncidentEvent = {
      type: 'StakeholderUpdatePosted',
      at: at(17),
      by: DANA,
      text: 'x',
      nextUpdateBy: null,
      expectedResolution: 'by 15:00 UTC',
    };
    expect(stakeholderUpdateDraft(state(...base, promised), at(18), POLICY).notYetKnown).toBe(
      'We expect it to be fixed by 15:00 UTC, and will confirm.',
    );
  });

  it('follows the stages through monitoring and resolution', () => {
    const monitoring = statusChanged(20, 'monitoring');
    expect(
      stakeholderUpdateDraft(state(opened({ service: null }), monitoring), at(21), POLICY),
    ).toMatchObject({
      stage: 'monitoring',
      affected: expect.stringContaining('still establishing exactly which services'),
      notYetKnown: expect.stringContaining('not yet certain'),
    });
    const done = stakeholderUpdateDraft(state(opened(), resolved(40)), at(41), POLICY);
    expect(done).toMatchObject({
      stage: 'resolved',
      nextUpdateAt: null,
      notYetKnown: 'Why it happened: a postmortem will follow.',
    });
    expect(done.known).toContain('Rolled back the deploy.');
  });

  it('renders as one message in four parts', () => {
    const text = renderStakeholderUpdate(stakeholderUpdateDraft(state(opened()), at(5), POLICY), (iso) =>
      iso.slice(11, 16),
    );
    expect(text.split('\n').map((line) => line.split(':')[0])).toEqual([
      'What is affected',
      'What we know',
      "What we don't know yet",
      'What we are doing',
      'Next update by 15',
    ]);
  });
});

describe('the postmortem draft', () => {
  const history: IncidentEvent[] = [
    opened(),
    commanderIs(DANA, 2),
    hypothesis('h1', 'DNS is failing'),
    hypothesis('h2', 'The 14:02 deploy broke payments'),
    mark('h1', 'ruled_out', 'dig answers in 2 ms', 5),
    {
      type: 'ActionProposed',
      at: at(4),
      by: ALEX,
      actionId: 'a1',
      text: 'Roll back',
      owner: ALEX,
      hypothesisId: 'h2',
      holdEndsAt: at(10),
    },
    holdEnded(10),
    {
      type: 'ActionStarted',
      at: at(11),
      by: DANA,
      actionId: 'a1',
      text: 'Roll back',
      owner: ALEX,
      hypothesisId: 'h2',
      wasProposed: true,
    },
    {
      type: 'DecisionRecorded',
      at: at(11),
      by: DANA,
      decisionId: 'd1',
      what: 'Roll back rather than hotfix',
      why: 'Faster',
      wouldChangeOurMind: 'Rollback failing',
    },
    {
      type: 'MessageCaptured',
      at: at(25),
      by: DANA,
      channel: 'C1',
      ts: '1.1',
      author: ALEX,
      text: 'Error rate dropping',
      postedAt: at(18),
    },
    {
      type: 'StakeholderUpdatePosted',
      at: at(15),
      by: DANA,
      text: 'Investigating',
      nextUpdateBy: null,
      expectedResolution: null,
    },
    mark('h2', 'confirmed', 'errors stopped after rollback', 20),
    { type: 'ActionCompleted', at: at(20), by: ALEX, actionId: 'a1', outcome: 'Errors back to baseline' },
    { type: 'IncidentEscalated', at: at(30), by: 'system', openForMs: 30 * 60_000 },
    resolved(40, { impactEndedAt: at(21) }),
  ];

  it('has every section, with the key times and process figures', () => {
    const draft = postmortemDraft(state(...history), history, POLICY);
    expect(draft.keyTimes).toEqual([
      { label: 'Opened', at: at(0) },
      { label: 'Commander named', at: at(2) },
      { label: 'Diagnosis hold ended', at: at(10) },
      { label: 'Customer impact ended', at: at(21) },
      { label: 'Escalated', at: at(30) },
      { label: 'Resolved', at: at(40) },
    ]);
    expect(draft.hypothesesConfirmed).toEqual([
      { text: 'The 14:02 deploy broke payments', evidence: 'errors stopped after rollback' },
    ]);
    expect(draft.hypothesesRuledOut).toEqual([{ text: 'DNS is failing', evidence: 'dig answers in 2 ms' }]);
    expect(draft.decisions[0]).toMatchObject({
      what: 'Roll back rather than hotfix',
      wouldChangeOurMind: 'Rollback failing',
    });
    expect(draft.process).toMatchObject({
      timeToCommanderMs: 2 * 60_000,
      hold: {
        state: 'ran',
        proposedDuringHold: 1,
        startedBeforePlannedEnd: 0,
        startedAfter: 1,
        lifted: null,
      },
      updatesPosted: 1,
      longestUpdateGapMs: 25 * 60_000,
      escalatedAt: at(30),
    });
    expect(draft.durationMs).toBe(40 * 60_000);
    expect(draft.agenda).toHaveLength(4);
    expect(draft.followUpSlots.map((s) => s.rank)).toEqual([1, 2, 3]);
  });

  it('places captured messages at the time they were posted', () => {
    const draft = postmortemDraft(state(...history), history, POLICY);
    const times = draft.timeline.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(draft.timeline.find((e) => e.what.includes('Error rate dropping'))?.at).toBe(at(18));
  });

  it('renders to Markdown with every section and no Slack mention syntax', () => {
    const markdown = renderPostmortemMarkdown(postmortemDraft(state(...history), history, POLICY));
    for (const heading of ['# Postmortem: INC-42 Checkout errors spiking', ...POSTMORTEM_OUTLINE]) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain('| Commander named | 2026-11-22 14:02 UTC |');
    expect(markdown).toContain('- Time to commander: 2 min');
    expect(markdown).toContain('Why did detection not catch it sooner?');
    expect(markdown).not.toMatch(/<@/);
  });

  it('says when there was no hold and nothing was recorded', () => {
    const bare = [opened({ holdEndsAt: null, service: null })];
    const draft = postmortemDraft(state(...bare), bare, POLICY);
    expect(draft.process.hold.state).toBe('off');
    expect(draft.process.holdOutcome).toBe('There was no diagnosis hold.');
    const markdown = renderPostmortemMarkdown(draft);
    expect(markdown).toContain('- None recorded.');
    expect(markdown).toContain('Not resolved yet.');
  });

  it('is written from 2,000 events well within the time a person waits', () => {
    const many: IncidentEvent[] = [opened()];
    for (let i = 0; i < 2_000; i++)
      many.push({ type: 'NoteAdded', at: at(1 + i / 100), by: ALEX, text: `Observation ${i}` });
    const started = performance.now();
    const markdown = renderPostmortemMarkdown(postmortemDraft(state(...many), many, POLICY));
    expect(performance.now() - started).toBeLessThan(1_000); // a loose bound; `npm run bench` has the real figure
    expect(markdown.split('\n').filter((line) => line.includes('Observation')).length).toBe(2_000);
  });
});
