import {
  addMilliseconds,
  type FollowUpInput,
  type IncidentEvent,
  type IncidentOpened,
  type OpenStatus,
  type PostmortemAnswers,
  type TimerPolicy,
} from '../../src/domain/index.js';

/**
 * Events as the domain records them, for tests that build a history: every builder takes when it
 * happened in minutes after {@link T0} and lets a test override any field.
 */

/** The instant every scenario starts at, and minutes after it. */
export const T0 = '2026-11-22T14:00:00.000Z';
export const at = (minutes: number): string => addMilliseconds(T0, minutes * 60_000);

/** The production defaults, as the timer policy scenarios run under. */
export const POLICY: TimerPolicy = {
  escalateAfter: 30 * 60_000,
  postmortemDue: 48 * 3_600_000,
  updateCadence: { SEV1: 30 * 60_000, SEV2: 60 * 60_000, SEV3: 0, SEV4: 0 },
  followUpReminderLead: 24 * 3_600_000,
};

export const REPORTER = 'U0REPORTER';
export const DANA = 'U0DANA';
export const ALEX = 'U0ALEX';

type EventOf<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

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

export const statusChanged = (
  minutes: number,
  to: OpenStatus,
  overrides: Partial<EventOf<'StatusChanged'>> = {},
): IncidentEvent => ({
  type: 'StatusChanged',
  at: at(minutes),
  by: DANA,
  from: 'investigating',
  to,
  note: null,
  ...overrides,
});

export const resolved = (
  minutes = 40,
  overrides: Partial<EventOf<'IncidentResolved'>> = {},
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

/** Postmortem answers that say nothing in particular. */
export const ANSWERS: PostmortemAnswers = {
  whatHappened: 'a',
  whyNotDetectedSooner: 'b',
  whyResponseTookSoLong: 'c',
  whatWeChange: 'd',
};

/** A follow-up (rank 1, not a control, due 1 Dec 2026 unless told). */
export const followUp = (
  id: string,
  owner: string,
  overrides: Partial<FollowUpInput> = {},
): FollowUpInput => ({
  id,
  title: `Follow-up ${id}`,
  owner,
  due: '2026-12-01',
  rank: 1,
  control: false,
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
  answers: ANSWERS,
  followUps: followUps.map((f, i) => ({
    title: `Follow-up ${f.id}`,
    due: '2026-12-01',
    rank: ((i % 3) + 1) as 1 | 2 | 3,
    control: false,
    ...f,
  })),
  asCommander: true,
});

export const followUpCompleted = (minutes: number, followUpId: string, by = ALEX): IncidentEvent => ({
  type: 'FollowUpCompleted',
  at: at(minutes),
  by,
  followUpId,
});

export const followUpDropped = (
  minutes: number,
  followUpId: string,
  reason = 'No longer needed',
): IncidentEvent => ({
  type: 'FollowUpDropped',
  at: at(minutes),
  by: DANA,
  followUpId,
  reason,
});
