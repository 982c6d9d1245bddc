import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStoredEvent } from '../../../src/adapters/postgres/event-schema.js';
import { parseStoredState } from '../../../src/adapters/postgres/state-schema.js';
import { run, scripts } from './command-arbitrary.js';
import { throughJson } from './histories.js';

describe('random incidents survive the trip through jsonb', () => {
  it('every state decide and evolve reach reads back equal, and so does every event', () => {
    fc.assert(
      fc.property(scripts, (script) => {
        const { states, events } = run(script);
        for (const state of states) expect(parseStoredState(throughJson(state))).toStrictEqual(state);
        for (const event of events) expect(parseStoredEvent(throughJson(event))).toStrictEqual(event);
      }),
      { numRuns: 300 },
    );
  });
});
