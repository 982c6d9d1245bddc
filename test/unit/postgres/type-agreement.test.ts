import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { incidentEventSchema } from '../../../src/adapters/postgres/event-schema.js';
import type { incidentStateSchema } from '../../../src/adapters/postgres/state-schema.js';
import type { Disagreeing, SameShape } from '../../../src/adapters/postgres/type-agreement.js';
import type {
  ClosedIncident,
  IncidentEvent,
  IncidentState,
  ResolvedIncident,
  StakeholderUpdatePosted,
} from '../../../src/domain/index.js';

/*
 * These checks run in `npm run typecheck` (vitest only executes the empty bodies). They show that
 * the agreement the schemas assert would fail on the drift it is meant to catch: if `SameShape`
 * were too lenient, the schemas' own assertions would prove nothing.
 */

type StoredState = z.output<typeof incidentStateSchema>;
type StoredEvent = z.output<typeof incidentEventSchema>;

describe('SameShape', () => {
  it('ignores readonly and how a type is spelled', () => {
    expectTypeOf<SameShape<{ a: string[] }, { readonly a: readonly string[] }>>().toEqualTypeOf<true>();
    expectTypeOf<SameShape<{ a: 1 } & { b: 2 }, { a: 1; b: 2 }>>().toEqualTypeOf<true>();
    expectTypeOf<SameShape<{ a?: string | undefined }, { a?: string }>>().toEqualTypeOf<true>();
  });

  it('tells apart what assignability both ways would not', () => {
    expectTypeOf<SameShape<{ a: string }, { a: string; b?: string }>>().toEqualTypeOf<false>();
    expectTypeOf<SameShape<{ a?: string }, { a: string }>>().toEqualTypeOf<false>();
    expectTypeOf<SameShape<{ a: string | null }, { a: string }>>().toEqualTypeOf<false>();
    expectTypeOf<SameShape<{ a: { b: 1 } }, { a: { b: 1; c: 2 } }>>().toEqualTypeOf<false>();
    expectTypeOf<SameShape<'a' | 'b', 'a'>>().toEqualTypeOf<false>();
  });
});

describe('the schemas against a drifted domain', () => {
  it('agree with the domain as it is', () => {
    expectTypeOf<SameShape<StoredState, IncidentState>>().toEqualTypeOf<true>();
    expectTypeOf<SameShape<StoredEvent, IncidentEvent>>().toEqualTypeOf<true>();
    expectTypeOf<Disagreeing<StoredState, IncidentState, 'status'>>().toEqualTypeOf<never>();
    expectTypeOf<Disagreeing<StoredEvent, IncidentEvent, 'type'>>().toEqualTypeOf<never>();
  });

  it('disagree when a state gains a field, even an optional one', () => {
    type Drifted = Exclude<IncidentState, ClosedIncident> | (ClosedIncident & { archivedAt?: string });
    expectTypeOf<SameShape<StoredState, Drifted>>().toEqualTypeOf<false>();
    expectTypeOf<Disagreeing<StoredState, Drifted, 'status'>>().toEqualTypeOf<'closed'>();
  });

  it('disagree when a nested field changes type or a status goes', () => {
    type Renumbered =
      | Exclude<IncidentState, ResolvedIncident>
      | (Omit<ResolvedIncident, 'postmortemReminders'> & { postmortemReminders: string });
    expectTypeOf<SameShape<StoredState, Renumbered>>().toEqualTypeOf<false>();
    expectTypeOf<SameShape<StoredState, Exclude<IncidentState, ClosedIncident>>>().toEqualTypeOf<false>();
  });

  it('disagree when an event field becomes required or an event type is added', () => {
    type Required =
      | Exclude<IncidentEvent, StakeholderUpdatePosted>
      | (Omit<StakeholderUpdatePosted, 'alsoPostedTo'> & { alsoPostedTo: string | null });
    expectTypeOf<SameShape<StoredEvent, Required>>().toEqualTypeOf<false>();
    expectTypeOf<Disagreeing<StoredEvent, Required, 'type'>>().toEqualTypeOf<'StakeholderUpdatePosted'>();
    type Added = IncidentEvent | { type: 'IncidentArchived'; at: string; by: string };
    expectTypeOf<SameShape<StoredEvent, Added>>().toEqualTypeOf<false>();
  });
});
