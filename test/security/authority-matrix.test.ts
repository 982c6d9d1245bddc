import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bindOrigin, NOT_YOURS } from '../../src/app/commands/bind-origin.js';
import type { CommandRequest } from '../../src/app/commands/command-core.js';
import {
  decide,
  type IncidentEvent,
  type IncidentState,
  mention,
  type Role,
  replay,
} from '../../src/domain/index.js';
import { storedIncident } from '../support/stored-incident.js';
import { at, holdEnded, opened, POLICY, postmortemRecorded, resolved } from '../unit/domain/spec.js';
import { NO_COMMANDER_RULE, PEOPLE, type Person, policyRows, WHO_CAN_DO_WHAT } from './authority-policy.js';

const COMMANDER = 'U0CMD';
const COMMUNICATOR = 'U0COM';
const SCRIBE = 'U0SCR';
const PARTICIPANT = 'U0PAR';
const STRANGER = 'U0STR';
/** Someone a role or a follow-up is given to, and the owner of other people's follow-ups. */
const NEWCOMER = 'U0NEW';
const OWNER = 'U0OWN';
const TEAM = 'T1';

const ACTOR: Readonly<Record<Person, string>> = {
  commander: COMMANDER,
  communicator: COMMUNICATOR,
  scribe: SCRIBE,
  participant: PARTICIPANT,
  stranger: STRANGER,
  'stranger, private incident': STRANGER,
};
const HOLDER: Readonly<Record<Role, string>> = {
  commander: COMMANDER,
  communicator: COMMUNICATOR,
  scribe: SCRIBE,
};
const roleOf = (actor: string): Role | null =>
  (Object.keys(HOLDER) as Role[]).find((role) => HOLDER[role] === actor) ?? null;
/** The role someone else holds, from where the actor stands: the communicator's, or the scribe's for the communicator. */
const otherRole = (actor: string): Role => (actor === COMMUNICATOR ? 'scribe' : 'communicator');

const took = (userId: string, role: Role): IncidentEvent => ({
  type: 'RoleAssigned',
  at: at(1),
  by: userId,
  role,
  userId,
  previous: null,
  via: 'took',
});
const released = (role: Role): IncidentEvent => ({
  type: 'RoleReleased',
  at: at(12),
  by: COMMANDER,
  role,
  userId: HOLDER[role],
});

/** Every role held, a participant without one, the hold over (or, `holding`, still running). */
function history(options: { private: boolean; holding?: boolean; commander?: boolean }): IncidentEvent[] {
  return [
    opened({ private: options.private }),
    ...(options.commander === false ? [] : [took(COMMANDER, 'commander')]),
    took(COMMUNICATOR, 'communicator'),
    took(SCRIBE, 'scribe'),
    { type: 'NoteAdded', at: at(2), by: PARTICIPANT, text: 'p99 latency is up' },
    ...(options.holding ? [] : [holdEnded(10)]),
  ];
}

const RESOLVED = resolved(40, { by: COMMANDER });
const closedWith = (mine: string): IncidentEvent[] => [
  RESOLVED,
  postmortemRecorded(
    [
      { id: 'mine', owner: mine },
      { id: 'theirs', owner: OWNER },
      { id: 'another', owner: OWNER },
    ],
    100,
    COMMANDER,
  ),
];

type Command = CommandRequest['command'];

/** How each row of the policy is tried: what happened before, what is asked, whom a refusal names. */
interface Operation {
  /** Events after the common history, from where the actor stands. */
  readonly before?: (actor: string) => IncidentEvent[];
  /** The diagnosis hold still runs (the request comes at minute 5). */
  readonly holding?: boolean;
  /** One of the commander's operations: anyone's while nobody is commander. */
  readonly capability?: boolean;
  readonly ask: (actor: string, base: { actor: string; now: string }) => Command[];
  /** Who a refusal must name: the people who can do it. */
  readonly names: (actor: string) => string[];
}

const nobody = () => [];
const holderOfOther = (actor: string) => [HOLDER[otherRole(actor)]];
const theCommander = () => [COMMANDER];
const anyone = (ask: Operation['ask']): Operation => ({ ask, names: nobody });
const commanders = (ask: Operation['ask'], before?: Operation['before']): Operation => ({
  ask,
  names: theCommander,
  capability: true,
  ...(before ? { before } : {}),
});

const OPERATIONS: Readonly<Record<string, Operation>> = {
  'take a free role': {
    before: (actor) => [released(otherRole(actor))],
    ask: (actor, base) => [{ type: 'TakeRole', ...base, role: otherRole(actor) }],
    names: nobody,
  },
  'take a role someone else holds': {
    ask: (actor, base) => [{ type: 'TakeRole', ...base, role: otherRole(actor) }],
    names: holderOfOther,
  },
  'assign a free role': {
    before: (actor) => [released(otherRole(actor))],
    ask: (actor, base) => [{ type: 'AssignRole', ...base, role: otherRole(actor), assignee: NEWCOMER }],
    names: nobody,
  },
  'move a role someone else holds': {
    ask: (actor, base) => [{ type: 'AssignRole', ...base, role: otherRole(actor), assignee: NEWCOMER }],
    names: (actor) => [HOLDER[otherRole(actor)], COMMANDER],
  },
  'hand off your own role': {
    ask: (actor, base) => [{ type: 'HandOffRole', ...base, role: roleOf(actor) ?? 'scribe', to: NEWCOMER }],
    names: nobody,
  },
  'hand off a role someone else holds': {
    ask: (actor, base) => [{ type: 'HandOffRole', ...base, role: otherRole(actor), to: NEWCOMER }],
    names: holderOfOther,
  },
  'release your own role': {
    ask: (actor, base) => [{ type: 'ReleaseRole', ...base, role: roleOf(actor) ?? 'scribe' }],
    names: nobody,
  },
  'release a role someone else holds': {
    ask: (actor, base) => [{ type: 'ReleaseRole', ...base, role: otherRole(actor) }],
    names: (actor) => [HOLDER[otherRole(actor)], COMMANDER],
  },
  resolve: commanders((_, base) => [
    { type: 'Resolve', ...base, summary: 'Rolled back', impactEndedAt: null, postmortemWanted: false },
  ]),
  reopen: commanders(
    (_, base) => [{ type: 'Reopen', ...base, now: at(50), reason: 'Errors are back' }],
    () => [RESOLVED],
  ),
  'change the severity': commanders((_, base) => [
    { type: 'ChangeSeverity', ...base, severity: 'SEV1', reason: 'Every region is down' },
  ]),
  'classify the severity (triage answers)': commanders((_, base) => [
    {
      type: 'ClassifySeverity',
      ...base,
      triage: { customerImpact: 'most', criticalPathDown: true, dataAtRisk: false, workaroundExists: false },
    },
  ]),
  'lift the diagnosis hold': {
    ...commanders((_, base) => [{ type: 'LiftHold', ...base, now: at(5), reason: 'Cause is known' }]),
    holding: true,
  },
  'record the postmortem': commanders(
    (_, base) => [
      {
        type: 'RecordPostmortem',
        ...base,
        now: at(60),
        answers: {
          whatHappened: 'a',
          whyNotDetectedSooner: 'b',
          whyResponseTookSoLong: 'c',
          whatWeChange: 'd',
        },
        followUps: ([1, 2, 3] as const).map((rank) => ({
          id: `f${rank}`,
          title: `Follow-up ${rank}`,
          owner: NEWCOMER,
          due: '2026-12-10',
          rank,
          control: false,
        })),
        requireControl: false,
      },
    ],
    () => [RESOLVED],
  ),
  'set the service': commanders((_, base) => [{ type: 'SetService', ...base, service: 'checkout-api' }]),
  'complete or drop your own follow-up': {
    before: closedWith,
    ask: (_, base) => [
      { type: 'CompleteFollowUp', ...base, now: at(200), followUpId: 'mine' },
      { type: 'DropFollowUp', ...base, now: at(200), followUpId: 'mine', reason: 'Done elsewhere' },
    ],
    names: nobody,
  },
  "complete or drop someone else's follow-up": {
    before: () => closedWith(OWNER),
    ask: (_, base) => [
      { type: 'CompleteFollowUp', ...base, now: at(200), followUpId: 'theirs' },
      { type: 'DropFollowUp', ...base, now: at(200), followUpId: 'theirs', reason: 'Done elsewhere' },
    ],
    names: () => [OWNER, COMMANDER],
  },
  'propose a hypothesis': anyone((_, base) => [
    { type: 'ProposeHypothesis', ...base, hypothesisId: 'h1', text: 'The deploy broke retries' },
  ]),
  'start an action': anyone((_, base) => [
    {
      type: 'StartAction',
      ...base,
      actionId: 'a1',
      text: 'Roll back',
      owner: base.actor,
      hypothesisId: null,
    },
  ]),
  'add a note': anyone((_, base) => [{ type: 'AddNote', ...base, text: 'p99 back under 300 ms' }]),
  'record a decision': anyone((_, base) => [
    {
      type: 'RecordDecision',
      ...base,
      decisionId: 'd1',
      what: 'Roll back',
      why: 'Fastest',
      wouldChangeOurMind: 'Data loss',
    },
  ]),
  'change the status': anyone((_, base) => [
    { type: 'ChangeStatus', ...base, status: 'identified', note: null },
  ]),
  'post a stakeholder update': anyone((_, base) => [
    {
      type: 'PostStakeholderUpdate',
      ...base,
      text: 'We are investigating.',
      nextUpdateBy: null,
      expectedResolution: null,
    },
  ]),
  'escalate now': anyone((_, base) => [
    { type: 'Escalate', ...base, reason: 'Need the database team', policy: POLICY },
  ]),
};

function stateFor(operation: Operation, actor: string, options: { private: boolean; commander?: boolean }) {
  return replay([
    ...history({ ...options, holding: operation.holding ?? false }),
    ...(operation.before?.(actor) ?? []),
  ]);
}

const stored = (state: IncidentState) => storedIncident(state, { teamId: TEAM, channelId: 'C0INC' });

/** What the domain says to each of an operation's commands. */
const verdicts = (operation: Operation, actor: string, state: IncidentState) =>
  operation.ask(actor, { actor, now: at(20) }).map((command) => decide(command, state));

const rows = policyRows();

describe('who can do what (test/security/authority-policy.ts)', () => {
  it('has a way to try every row, and a row for every way', () => {
    expect(rows.map((r) => r.operation).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  describe.each(rows)('$operation', (row) => {
    const operation = OPERATIONS[row.operation] as Operation;

    it.each(PEOPLE.filter((p) => p !== 'stranger, private incident' && row.cells[p] !== '—'))(
      '%s',
      (person) => {
        const actor = ACTOR[person];
        for (const priv of person === 'stranger' ? [false] : [false, true]) {
          const state = stateFor(operation, actor, { private: priv });
          // On a private incident, the people working it pass the visibility binding.
          if (priv)
            expect(
              bindOrigin(stored(state), { teamId: TEAM, userId: actor, channelId: null }, null),
            ).toBeNull();
          for (const verdict of verdicts(operation, actor, state)) {
            if (row.cells[person] === 'yes') {
              expect(verdict.ok, verdict.ok ? '' : verdict.rejection.message).toBe(true);
              if (verdict.ok) expect(verdict.events.length).toBeGreaterThan(0);
              continue;
            }
            expect(verdict.ok).toBe(false);
            if (verdict.ok) continue;
            expect(['not_permitted', 'role_taken', 'role_not_held']).toContain(verdict.rejection.code);
            // A refusal says who can do it.
            for (const who of operation.names(actor))
              expect(verdict.rejection.message).toContain(mention(who));
          }
        }
      },
    );

    if (row.cells['stranger, private incident'] !== '—')
      it('stranger, private incident', () => {
        expect(row.cells['stranger, private incident']).toBe('no');
        const incident = stored(stateFor(operation, STRANGER, { private: true }));
        const from = (channelId: string | null) => ({ teamId: TEAM, userId: STRANGER, channelId });
        // Slack is asked whether they are in the channel; when they are not, nothing is decided.
        expect(bindOrigin(incident, from(null), null)).toBe('ask');
        expect(bindOrigin(incident, from(null), false)).toBe(NOT_YOURS);
        expect(bindOrigin(incident, from('C0ELSEWHERE'), null)).toBe(NOT_YOURS);
        expect(bindOrigin(incident, { ...from(null), teamId: 'T0OTHER' }, true)).toBe(NOT_YOURS);
        // In its channel, they may see it, and the row's rule for everyone applies.
        expect(bindOrigin(incident, from('C0INC'), null)).toBeNull();
      });
  });

  it(NO_COMMANDER_RULE, () => {
    const capabilities = rows.filter((row) => OPERATIONS[row.operation]?.capability);
    expect(capabilities.map((r) => r.whoMay)).toEqual(capabilities.map(() => 'the commander'));
    for (const row of capabilities) {
      const operation = OPERATIONS[row.operation] as Operation;
      const state = stateFor(operation, PARTICIPANT, { private: false, commander: false });
      for (const verdict of verdicts(operation, PARTICIPANT, state)) {
        expect(verdict.ok, `${row.operation}: ${verdict.ok ? '' : verdict.rejection.message}`).toBe(true);
        if (verdict.ok) expect(verdict.events[0]).toMatchObject({ by: PARTICIPANT });
        if (verdict.ok && 'asCommander' in (verdict.events[0] ?? {}))
          expect(verdict.events[0]).toMatchObject({ asCommander: false });
      }
    }
  });

  it('is the table the README shows under "Who can do what"', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split('\n## ').find((s) => s.startsWith('Who can do what')) ?? '';
    expect(section).toContain(WHO_CAN_DO_WHAT.trim());
    expect(section).toContain(NO_COMMANDER_RULE);
  });
});
