import { describe, expect, it } from 'vitest';
import {
  finalUpdateDraft,
  type IncidentEvent,
  type OpenedIncident,
  postedUpdateText,
  promisedNextUpdate,
  replay,
  stakeholderUpdateDraft,
  type TimeWords,
  type TriageAnswers,
  updateClosing,
} from '../../../src/domain/index.js';
import { hypothesis, mark } from './hypothesis-events.js';
import { ALEX, at, DANA, opened, POLICY, resolved, statusChanged } from './spec.js';

const state = (...events: IncidentEvent[]) => replay(events) as OpenedIncident;
/** Times as "HH:MM UTC": the zone and the day are the adapter's (tested with it). */
const WORDS: TimeWords = {
  at: (iso) => `${iso.slice(11, 16)} UTC`,
  between: (from, to) => `from ${from.slice(11, 16)} to ${to.slice(11, 16)} UTC`,
};
const draftOf = (s: OpenedIncident, minutes = 20) => stakeholderUpdateDraft(s, at(minutes), POLICY, WORDS);

const started = (id: string, text: string): IncidentEvent => ({
  type: 'ActionStarted',
  at: at(14),
  by: ALEX,
  actionId: id,
  text,
  owner: ALEX,
  hypothesisId: null,
  wasProposed: false,
});
const done = (id: string): IncidentEvent => ({
  type: 'ActionCompleted',
  at: at(16),
  by: ALEX,
  actionId: id,
  outcome: 'done',
});
const triage = (answers: Partial<TriageAnswers>): IncidentEvent =>
  opened({
    triage: {
      customerImpact: 'some',
      criticalPathDown: true,
      dataAtRisk: false,
      workaroundExists: false,
      ...answers,
    },
  });

/** An incident whose cause, in these words, was confirmed and which moved to identified. */
const identifiedWith = (cause: string) =>
  state(opened(), hypothesis('h1', cause), mark('h1', 'confirmed'), statusChanged(15, 'identified'));

describe('the stakeholder update draft, stage by stage', () => {
  it('investigating: who is affected from triage, what was ruled out as a count, no fix time', () => {
    const draft = draftOf(state(triage({}), hypothesis('h1', 'DNS'), mark('h1', 'ruled_out')));
    expect(draft.stage).toBe('investigating');
    expect(draft.body).toBe(
      [
        'What is affected: Some customers cannot use checkout; there is no workaround yet.',
        'What we know: The team is investigating and has ruled out one possible cause so far.',
        "What we don't know yet: What is causing it, so we cannot yet say exactly when it will be fixed.",
        'What we are doing: The team is testing the most likely causes.',
      ].join('\n'),
    );
    expect(draft.body).not.toMatch(/\d{1,2}:\d{2}/);
  });

  it('identified: names the confirmed cause after a colon, as it was written', () => {
    const s = identifiedWith('DNS resolver timeouts');
    expect(draftOf(s).body).toContain('What we know: We have found the cause: DNS resolver timeouts.');
    expect(draftOf(s).body).toContain("What we don't know yet: Exactly how long the fix will take.");
  });

  it('monitoring: a fix is in place and being checked, not yet called resolved', () => {
    const body = draftOf(state(opened(), statusChanged(20, 'monitoring')), 21).body;
    expect(body).toContain('What we know: A fix is in place, and we are checking that it works.');
    expect(body).toContain('Whether the fix holds under normal load.');
  });

  it('resolved: the final update, in the past tense', () => {
    const draft = draftOf(state(opened(), resolved(40)), 41);
    expect(draft).toMatchObject({ stage: 'resolved', nextUpdateAt: null });
    expect(draft.body).toContain('What happened: From 14:00 to 14:40 UTC, checkout had a major disruption.');
    expect(draft.body).toContain('This is our final update on this incident.');
  });
});

describe('people’s words in the draft', () => {
  const awkward = [
    'Roll back the checkout deploy',
    'rolling back the deploy',
    'The DB failover',
    'Restart the workers.',
    `Drain ${'the very long queue of retried payment jobs '.repeat(12)}`,
  ];

  it('are list items, never spliced into a verb slot, whatever their grammar', () => {
    const events = [opened(), ...awkward.map((text, i) => started(`a${i}`, text))];
    const body = draftOf(state(...events)).body;
    expect(body).not.toMatch(/We are (roll|rolling|the|restart|drain)/i);
    expect(body).toContain(
      [
        'What we are doing:',
        '• Roll back the checkout deploy',
        '• Rolling back the deploy',
        '• The DB failover',
        '• …and 2 more',
      ].join('\n'),
    );
  });

  it('keep their capitals and get one full stop, and a very long one is cut with a mark', () => {
    for (const text of ['DNS', 'the 14:02 deploy broke payments.', 'x'.repeat(500)]) {
      const s = identifiedWith(text);
      const known = draftOf(s).body.split('\n')[1] ?? '';
      expect(known).not.toMatch(/\.\.$/);
      expect(known).toMatch(/[.…]$/);
      expect(known.length).toBeLessThan(360);
    }
    const dns = identifiedWith('DNS');
    expect(draftOf(dns).body).toContain('the cause: DNS.');
  });

  it('on several lines are kept on one', () => {
    const body = draftOf(state(opened(), started('a1', 'Fail over\nto the replica'))).body;
    expect(body).toContain('• Fail over to the replica');
  });
});

describe('the impact line', () => {
  it.each([
    [{}, 'Some customers cannot use checkout; there is no workaround yet.'],
    [{ workaroundExists: true }, 'Some customers cannot use checkout; they can work around it for now.'],
    [
      { customerImpact: 'most' as const, criticalPathDown: false },
      'Most customers are having problems with checkout;',
    ],
    [
      { customerImpact: 'none' as const },
      'Checkout is not working as it should, but we know of no customers affected so far.',
    ],
    [{ dataAtRisk: true }, 'Customer data may be at risk.'],
  ])('says what triage answered (%o)', (answers, expected) => {
    expect(draftOf(state(triage(answers))).body).toContain(expected);
  });

  it('without a service names no feature', () => {
    const body = draftOf(
      state(
        opened({
          service: null,
          triage: {
            customerImpact: 'some',
            criticalPathDown: true,
            dataAtRisk: false,
            workaroundExists: true,
          },
        }),
      ),
    ).body;
    expect(body).toContain('Some customers cannot complete an essential task, such as signing in or paying;');
  });

  it('falls back to the service and severity when triage was skipped, and follows a later triage', () => {
    expect(draftOf(state(opened())).body).toContain(
      'What is affected: Checkout is affected. We are treating it as a major disruption.',
    );
    expect(draftOf(state(opened({ service: null, severity: 'pending' }))).body).toContain(
      'We are still establishing exactly what is affected. We are still assessing how serious it is.',
    );
    const triaged: IncidentEvent = {
      type: 'SeverityChanged',
      at: at(3),
      by: DANA,
      from: 'pending',
      to: 'SEV3',
      reason: 'triage answers',
      triage: { customerImpact: 'some', criticalPathDown: false, dataAtRisk: false, workaroundExists: true },
      asCommander: true,
    };
    expect(draftOf(state(opened({ severity: 'pending' }), triaged)).body).toContain(
      'Some customers are having problems with checkout; they can work around it for now.',
    );
  });
});

describe('the promise every update ends with', () => {
  it('from the cadence: a SEV2 update posted at 14:20 promises the next by 15:20', () => {
    const s = state(opened());
    expect(promisedNextUpdate(s, at(20), POLICY, null)).toBe(at(80));
    expect(draftOf(s).nextUpdateAt).toBe(at(80));
    expect(updateClosing('investigating', { expectedResolution: null, nextUpdateAt: at(80) }, WORDS)).toBe(
      'Next update by 15:20 UTC.',
    );
  });

  it('from the commander’s choice, which wins over the cadence', () => {
    expect(promisedNextUpdate(state(opened()), at(20), POLICY, at(35))).toBe(at(35));
  });

  it('says honestly when no further update is planned (no cadence at SEV3)', () => {
    const s = state(opened({ severity: 'SEV3' }));
    expect(promisedNextUpdate(s, at(20), POLICY, null)).toBeNull();
    expect(updateClosing('investigating', { expectedResolution: null, nextUpdateAt: null }, WORDS)).toBe(
      'We will post again when the situation changes.',
    );
  });

  it('carries the commander’s estimate only when they gave one; the draft never invents one', () => {
    expect(
      updateClosing('identified', { expectedResolution: 'by 16:00 UTC.', nextUpdateAt: at(50) }, WORDS),
    ).toBe(
      'Expected resolution: by 16:00 UTC (our best estimate; we will confirm it).\nNext update by 14:50 UTC.',
    );
    const promised: IncidentEvent = {
      type: 'StakeholderUpdatePosted',
      at: at(17),
      by: DANA,
      text: 'x',
      nextUpdateBy: null,
      expectedResolution: 'by 15:00 UTC',
    };
    const body = draftOf(state(opened(), statusChanged(15, 'identified'), promised), 18).body;
    expect(body).not.toMatch(/15:00|estimate|expect/i);
  });

  it('a resolved incident’s final update carries its own ending', () => {
    expect(updateClosing('resolved', { expectedResolution: 'soon', nextUpdateAt: at(90) }, WORDS)).toBe('');
    expect(postedUpdateText('Body.\n', 'Next update by 15:20 UTC.')).toBe(
      'Body.\n\nNext update by 15:20 UTC.',
    );
    expect(postedUpdateText('Body.\n', '')).toBe('Body.');
  });
});

describe('the final update', () => {
  it('uses the impact end the commander gave, the cause, what fixed it and what comes next', () => {
    const s = state(
      triage({}),
      hypothesis('h1', 'The 13:55 deploy broke retries'),
      mark('h1', 'confirmed'),
      resolved(40, { impactEndedAt: at(29), summary: 'rolled back the deploy' }),
    );
    expect(finalUpdateDraft(s, at(41), WORDS)).toBe(
      [
        'Resolved: Checkout errors spiking.',
        'What happened: From 14:00 to 14:29 UTC, some customers could not use checkout, and there was no workaround.',
        'Cause: The 13:55 deploy broke retries.',
        'What fixed it: Rolled back the deploy.',
        'What comes next: We will review what happened and share what we change so that it does not happen again.',
        'This is our final update on this incident.',
      ].join('\n'),
    );
  });

  it('drafted while resolving: impact taken to end now, the work done listed, no postmortem promised below SEV2', () => {
    const s = state(opened({ severity: 'SEV3' }), started('a1', 'restart the workers'), done('a1'));
    const text = finalUpdateDraft(s, at(33), WORDS);
    expect(text).toContain('From 14:00 to 14:33 UTC, checkout had a partial disruption.');
    expect(text).toContain('What we did:\n• Restart the workers');
    expect(text).not.toMatch(/postmortem|review/);
    expect(text).not.toMatch(/\d+ ?%/);
  });
});
