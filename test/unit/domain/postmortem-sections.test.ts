import { describe, expect, it } from 'vitest';
import { impactStartedAt } from '../../../src/domain/impact-window.js';
import {
  type IncidentEvent,
  type OpenedIncident,
  postmortemDraft,
  renderPostmortemMarkdown,
  replay,
} from '../../../src/domain/index.js';
import { ALEX, at, commanderIs, DANA, given, opened, POLICY, resolved } from './spec.js';

const state = (...events: IncidentEvent[]) => replay(events) as OpenedIncident;

describe('the postmortem draft, as a meeting needs it', () => {
  const lifted: IncidentEvent[] = [
    opened(),
    commanderIs(DANA),
    { type: 'HypothesisProposed', at: at(2), by: ALEX, hypothesisId: 'h1', text: 'Cache stampede' },
    { type: 'HypothesisProposed', at: at(2), by: ALEX, hypothesisId: 'h2', text: 'Bad config' },
    { type: 'HypothesisUpdated', at: at(3), by: ALEX, hypothesisId: 'h2', status: 'testing', evidence: null },
    {
      type: 'ActionProposed',
      at: at(3),
      by: ALEX,
      actionId: 'a1',
      text: 'Flush the cache',
      owner: ALEX,
      hypothesisId: 'h1',
      holdEndsAt: at(10),
    },
    {
      type: 'ActionProposed',
      at: at(3),
      by: ALEX,
      actionId: 'a2',
      text: 'Page the DB team',
      owner: ALEX,
      hypothesisId: null,
      holdEndsAt: at(10),
    },
    {
      type: 'HoldLifted',
      at: at(4),
      by: DANA,
      reason: 'Customers are down',
      endsAt: at(10),
      asCommander: true,
    },
    {
      type: 'ActionStarted',
      at: at(5),
      by: DANA,
      actionId: 'a1',
      text: 'Flush the cache',
      owner: ALEX,
      hypothesisId: 'h1',
      wasProposed: true,
    },
    resolved(20),
  ];

  it('counts the actions proposed during the hold, those started, and says when and why it was lifted', () => {
    const draft = postmortemDraft(state(...lifted), lifted, POLICY);
    expect(draft.process.hold).toEqual({
      state: 'lifted',
      plannedMs: 10 * 60_000,
      proposedDuringHold: 2,
      startedBeforePlannedEnd: 1,
      startedAfter: 0,
      lifted: { at: at(4), by: DANA, reason: 'Customers are down', earlyByMs: 6 * 60_000 },
    });
    expect(draft.process.holdOutcome).toBe(
      'Lifted early (10 min planned) by @U0DANA at 14:04 UTC, 6 min before its planned end: Customers are down. 2 actions were proposed during it; 1 started, 1 of them before its planned end.',
    );
  });

  it('lists the hypotheses still open at resolution, and everyone who acted with their roles', () => {
    const draft = postmortemDraft(state(...lifted), lifted, POLICY);
    expect(draft.hypothesesOpen.map((h) => h.text)).toEqual(['Cache stampede', 'Bad config']);
    const markdown = renderPostmortemMarkdown(draft, { nameOf: (id) => (id === DANA ? 'Dana' : 'Alex') });
    expect(markdown).toContain('### Still open at resolution\n\n- Cache stampede\n- Bad config\n');
    expect(draft.responders.map((r) => [r.userId, r.roles])).toEqual([
      ['U0REPORTER', ['reporter']],
      [DANA, ['commander']],
      [ALEX, []],
    ]);
  });

  it('asks what the bot cannot know, and says no cause was confirmed when none was', () => {
    const markdown = renderPostmortemMarkdown(postmortemDraft(state(...lifted), lifted, POLICY));
    for (const prompt of [
      '_To discuss: What was the root cause, what triggered it, and why could it happen?_',
      '_To discuss: What made it worse, or slower to find and fix?_',
      '_To discuss: What went well, and should be kept?_',
      '_To discuss: Where did we get lucky: what could have made this much worse?_',
      '_To discuss: Was there a runbook, and did it help?_',
    ])
      expect(markdown).toContain(prompt);
    expect(markdown).toContain('No cause was confirmed during the incident.');
    expect(markdown).toContain('No stakeholder update was posted.');
  });

  it('measures impact from the opening for a resolution stored before the question was asked', () => {
    const old = [opened(), resolved(30)];
    const draft = postmortemDraft(state(...old), old, POLICY);
    expect(impactStartedAt(state(...old))).toBe(at(0));
    expect(draft.impactTimes).toEqual({
      timeToDetectMs: 0,
      timeToMitigateMs: 30 * 60_000,
      timeToResolveMs: 30 * 60_000,
    });
    expect(draft.detection).toBeNull();
    expect(draft.keyTimes.map((k) => k.label)).not.toContain('Customer impact started');
  });
});

describe('resolving with the impact window and how it was detected', () => {
  const resolve = (fields: Record<string, unknown>) => ({
    type: 'Resolve' as const,
    actor: DANA,
    now: at(30),
    summary: 'Rolled back',
    impactEndedAt: null,
    postmortemWanted: false,
    ...fields,
  });

  it('records when impact started (even before the opening) and the detection', () => {
    given(opened(), commanderIs(DANA))
      .when(resolve({ impactStartedAt: at(-15), detection: { source: 'customer_report', link: null } }))
      .thenEmits({
        type: 'IncidentResolved',
        at: at(30),
        by: DANA,
        summary: 'Rolled back',
        impactEndedAt: null,
        postmortemRequired: true,
        asCommander: true,
        impactStartedAt: at(-15),
        detection: { source: 'customer_report', link: null },
      });
  });

  it('refuses an impact that started after now, or after it ended', () => {
    given(opened(), commanderIs(DANA))
      .when(resolve({ impactStartedAt: at(31) }))
      .thenRejects('invalid_input');
    given(opened(), commanderIs(DANA))
      .when(resolve({ impactStartedAt: at(20), impactEndedAt: at(10) }))
      .thenRejects('invalid_input');
  });

  it('refuses a detection link that is not a web address', () => {
    given(opened(), commanderIs(DANA))
      .when(resolve({ detection: { source: 'alert', link: 'javascript:alert(1)' } }))
      .thenRejects('invalid_input');
  });
});
