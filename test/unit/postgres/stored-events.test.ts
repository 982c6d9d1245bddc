import { describe, expect, it } from 'vitest';
import { parseStoredEvent } from '../../../src/adapters/postgres/event-schema.js';
import type { IncidentEvent, IncidentEventType } from '../../../src/domain/index.js';
import { histories, throughJson } from './histories.js';
import { keyPaths, leaves, pathName, replaced, truncations, without } from './json-paths.js';

/** Every event type, named once: the compiler refuses this list when the union changes. */
const EVENT_TYPES: Record<IncidentEventType, true> = {
  IncidentOpened: true,
  RoleAssigned: true,
  RoleReleased: true,
  SeverityChanged: true,
  HoldLifted: true,
  HoldEnded: true,
  HypothesisProposed: true,
  HypothesisUpdated: true,
  HypothesisWithdrawn: true,
  ActionProposed: true,
  ActionStarted: true,
  ActionCompleted: true,
  ActionAbandoned: true,
  ActionReassigned: true,
  DecisionRecorded: true,
  NoteAdded: true,
  MessageCaptured: true,
  StatusChanged: true,
  IncidentEscalated: true,
  StakeholderUpdatePosted: true,
  UpdateNudged: true,
  UpdateNudgeSnoozed: true,
  IncidentResolved: true,
  IncidentReopened: true,
  ServiceSet: true,
  CommanderNudged: true,
  PostmortemReminded: true,
  PostmortemRecorded: true,
  FollowUpReminded: true,
  FollowUpCompleted: true,
  FollowUpDropped: true,
  PostmortemExported: true,
};

const everyEvent = Object.values(histories).flat();

/** One event of each type (the last the histories hold), for damaging one place at a time. */
const samples = Object.values(Object.fromEntries(everyEvent.map((e) => [e.type, e]))) as IncidentEvent[];

/** Keys the domain types mark optional: leaving them out is not damage. */
const OPTIONAL = new Set([
  'IncidentOpened.triage',
  'StakeholderUpdatePosted.alsoPostedTo',
  // Events from before the escalation policy have none of these.
  'IncidentEscalated.audiences',
  'IncidentEscalated.reason',
  'IncidentEscalated.beyondPolicy',
  // Asked at resolution and in the postmortem since issue 14; older events have none.
  'IncidentResolved.impactStartedAt',
  'IncidentResolved.detection',
  ...[0, 1, 2].map((i) => `PostmortemRecorded.followUps.${i}.runbook`),
  ...['rootCauses', 'contributingFactors', 'wentWell', 'wentWrong', 'gotLucky', 'runbook'].map(
    (key) => `PostmortemRecorded.answers.${key}`,
  ),
]);

describe('a stored event reads back as the event that was stored', () => {
  it.each(Object.entries(histories))('%s: every event', (_name, events) => {
    for (const [i, event] of events.entries())
      expect(parseStoredEvent(throughJson(event)), `${i}: ${event.type}`).toStrictEqual(event);
  });

  it('the histories hold every event type', () => {
    expect(samples.map((e) => e.type).sort()).toEqual(Object.keys(EVENT_TYPES).sort());
  });

  it('the optional fields may be there or not', () => {
    const update = samples.find((e) => e.type === 'StakeholderUpdatePosted')!;
    expect(update).toHaveProperty('alsoPostedTo');
    const { alsoPostedTo: _, ...older } = update as Extract<
      IncidentEvent,
      { type: 'StakeholderUpdatePosted' }
    >;
    expect(parseStoredEvent(older)).toStrictEqual(older);
    const opened = samples.find((e) => e.type === 'IncidentOpened')!;
    const { triage: __, ...untriaged } = opened as Extract<IncidentEvent, { type: 'IncidentOpened' }>;
    expect(parseStoredEvent(untriaged)).toStrictEqual(untriaged);
    const resolution = everyEvent.find((e) => e.type === 'IncidentResolved' && e.detection) as Extract<
      IncidentEvent,
      { type: 'IncidentResolved' }
    >;
    expect(resolution).toHaveProperty('detection');
    const { impactStartedAt: ___, detection: ____, ...olderResolution } = resolution;
    expect(parseStoredEvent(olderResolution)).toStrictEqual(olderResolution);
  });
});

describe('a damaged event reads as null, not as a wrong event', () => {
  it.each(samples.map((e) => [e.type, e] as const))('%s: any required field missing', (type, event) => {
    const json = throughJson(event);
    for (const path of keyPaths(json)) {
      if (typeof path[path.length - 1] === 'number' || OPTIONAL.has(`${type}.${pathName(path)}`)) continue;
      expect(parseStoredEvent(without(json, path)), pathName(path)).toBeNull();
    }
  });

  it.each(samples.map((e) => [e.type, e] as const))('%s: any value of the wrong type', (_type, event) => {
    const json = throughJson(event);
    for (const { path, value } of leaves(json)) {
      const wrong = typeof value === 'string' || value === null ? 42 : String(value);
      expect(parseStoredEvent(replaced(json, path, wrong)), `${pathName(path)} = ${wrong}`).toBeNull();
    }
  });

  it.each(samples.map((e) => [e.type, e] as const))('%s: cut short', (_type, event) => {
    for (const cut of truncations(throughJson(event))) {
      // Cut after its required keys, missing only optional ones, an event is whole, not damaged.
      const optionalOnlyMissing = cut !== null && typeof cut === 'object' && sameExceptOptional(cut, event);
      if (!optionalOnlyMissing) expect(parseStoredEvent(cut), JSON.stringify(cut)).toBeNull();
    }
  });

  it('an event type this build does not know, or none', () => {
    const note = throughJson(samples.find((e) => e.type === 'NoteAdded'));
    for (const type of ['NoteDeleted', 'noteadded', '', null, 7])
      expect(parseStoredEvent(replaced(note, ['type'], type)), String(type)).toBeNull();
    expect(parseStoredEvent(without(note, ['type']))).toBeNull();
  });

  it('values outside their sets', () => {
    const pick = (type: IncidentEventType) => throughJson(samples.find((e) => e.type === type));
    expect(parseStoredEvent(replaced(pick('RoleAssigned'), ['role'], 'observer'))).toBeNull();
    expect(parseStoredEvent(replaced(pick('RoleAssigned'), ['via'], 'stole'))).toBeNull();
    expect(parseStoredEvent(replaced(pick('SeverityChanged'), ['to'], 'pending'))).toBeNull();
    expect(parseStoredEvent(replaced(pick('SeverityChanged'), ['to'], 'SEV5'))).toBeNull();
    expect(parseStoredEvent(replaced(pick('StatusChanged'), ['to'], 'resolved'))).toBeNull();
    expect(parseStoredEvent(replaced(pick('HypothesisUpdated'), ['status'], 'withdrawn'))).toBeNull();
    expect(parseStoredEvent(replaced(pick('IncidentEscalated'), ['openForMs'], -1))).toBeNull();
    expect(parseStoredEvent(replaced(pick('PostmortemRecorded'), ['followUps', 0, 'rank'], 0))).toBeNull();
    expect(
      parseStoredEvent(replaced(pick('IncidentOpened'), ['triage'], { customerImpact: 'all' })),
    ).toBeNull();
    expect(parseStoredEvent(replaced(pick('NoteAdded'), ['at'], '2026-11-22 14:00'))).toBeNull();
  });

  it('no payload at all, or not an object', () => {
    for (const json of [undefined, null, '', '{"type":"NoteAdded"}', 42, [], {}])
      expect(parseStoredEvent(json), JSON.stringify(json)).toBeNull();
  });
});

describe('an event from a newer build', () => {
  it('reads without the fields this build does not know', () => {
    const recorded = samples.find((e) => e.type === 'PostmortemRecorded')!;
    const newer = replaced(
      { ...(throughJson(recorded) as object), meetingUrl: 'https://…' },
      ['followUps', 0, 'jiraKey'],
      'OPS-1',
    );
    expect(parseStoredEvent(newer)).toStrictEqual(recorded);
  });
});

/**
 * True when `cut` lost only optional top-level keys of `event`. `truncations` cuts one object at a
 * time, so a cut inside a nested object loses no top-level key and is never taken for one of these.
 */
function sameExceptOptional(cut: object, event: IncidentEvent): boolean {
  const missing = Object.keys(event).filter((key) => !(key in cut));
  return missing.length > 0 && missing.every((key) => OPTIONAL.has(`${event.type}.${key}`));
}
