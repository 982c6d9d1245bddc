import { expect } from 'vitest';
import {
  addMilliseconds,
  decide,
  type FollowUpInput,
  type IncidentCommand,
  type IncidentEvent,
  type IncidentOpened,
  type IncidentState,
  type RejectionCode,
  replay,
  type TimerPolicy,
  type Verdict,
} from '../../../src/domain/index.js';

/** The instant every scenario starts at, and minutes after it. */
export const T0 = '2026-11-22T14:00:00.000Z';
export const at = (minutes: number): string => addMilliseconds(T0, minutes * 60_000);

export const REPORTER = 'U0REPORTER';
export const DANA = 'U0DANA';
export const ALEX = 'U0ALEX';

export const POLICY: TimerPolicy = {
  escalateAfter: 30 * 60_000,
  postmortemDue: 48 * 3_600_000,
  updateCadence: { SEV1: 30 * 60_000, SEV2: 60 * 60_000, SEV3: 0, SEV4: 0 },
  followUpReminderLead: 24 * 3_600_000,
};

export function opened(overrides: Partial<IncidentOpened> = {}): IncidentOpened {
  return {
    type: 'IncidentOpened',
    at: T0,
    by: REPORTER,
    number: 42,
    title: 'Checkout errors spiking',
    service: 'checkout',
    severity: 'SEV2',
    private: false,
    drill: false,
    reporter: REPORTER,
    holdEndsAt: at(10),
    triage: null,
    ...overrides,
  };
}

export const commanderIs = (userId: string, minutes = 1): IncidentEvent => ({
  type: 'RoleAssigned',
  at: at(minutes),
  by: userId,
  role: 'commander',
  userId,
  previous: null,
  via: 'took',
});

export const holdEnded = (minutes = 10): IncidentEvent => ({
  type: 'HoldEnded',
  at: at(minutes),
  by: 'system',
});

export const resolved = (
  minutes = 40,
  overrides: Partial<Extract<IncidentEvent, { type: 'IncidentResolved' }>> = {},
): IncidentEvent => ({
  type: 'IncidentResolved',
  at: at(minutes),
  by: DANA,
  summary: 'Rolled back the deploy.',
  impactEndedAt: null,
  postmortemRequired: true,
  asCommander: true,
  ...overrides,
});

/** The postmortem recorded with these follow-ups (ranked as given), by the commander. */
export const postmortemRecorded = (
  followUps: readonly (Partial<FollowUpInput> & Pick<FollowUpInput, 'id' | 'owner'>)[],
  minutes = 100,
  by = DANA,
): IncidentEvent => ({
  type: 'PostmortemRecorded',
  at: at(minutes),
  by,
  answers: { whatHappened: 'a', whyNotDetectedSooner: 'b', whyResponseTookSoLong: 'c', whatWeChange: 'd' },
  followUps: followUps.map((f, i) => ({
    title: `Follow-up ${f.id}`,
    due: '2026-12-01',
    rank: ((i % 3) + 1) as 1 | 2 | 3,
    control: false,
    ...f,
  })),
  asCommander: true,
});

/**
 * Given / when / then over events, as the emmett Decider specification does: the history is the
 * only setup, and the outcome is the events (or the rejection) the command produces.
 */
export function given(...history: IncidentEvent[]) {
  const state: IncidentState = replay(history);
  return {
    state,
    when(command: IncidentCommand) {
      const decision: Verdict = decide(command, state);
      return {
        decision,
        thenEmits(...expected: Partial<IncidentEvent>[]) {
          expect(decision.ok, decision.ok ? '' : decision.rejection.message).toBe(true);
          if (!decision.ok) return;
          expect(decision.events).toHaveLength(expected.length);
          for (const [i, event] of expected.entries()) expect(decision.events[i]).toMatchObject(event);
        },
        thenNothing() {
          expect(decision).toEqual({ ok: true, events: [] });
        },
        thenRejects(code: RejectionCode, message?: RegExp) {
          expect(decision.ok).toBe(false);
          if (decision.ok) return;
          expect(decision.rejection.code).toBe(code);
          if (message) expect(decision.rejection.message).toMatch(message);
        },
        /** The state after the command's events, for checks on evolve. */
        stateAfter(): IncidentState {
          return decision.ok ? replay(decision.events, state) : state;
        },
      };
    },
  };
}
