import { expect } from 'vitest';
import {
  decide,
  type IncidentCommand,
  type IncidentEvent,
  type IncidentState,
  type RejectionCode,
  replay,
  type Verdict,
} from '../../../src/domain/index.js';

export * from '../../support/incident-events.js';

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
