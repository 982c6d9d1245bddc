import type { FollowUpInput, PostmortemAnswers } from './commands.js';
import type { Detection } from './detection.js';
import type { TriageAnswers } from './triage.js';
import type { EscalationAudience, IncidentIdentity, Instant, OpenStatus, Role, UserId } from './types.js';

/**
 * The incident as the decider sees it: a fold of its events. A union on `status`, so a state that
 * cannot happen (a resolved incident with an active hold, a closed one without its postmortem)
 * cannot be written down. Plain JSON all the way down: it is stored as the snapshot beside the events.
 */
export type IncidentState = NoIncident | ActiveIncident | ResolvedIncident | ClosedIncident;

/** Before `IncidentOpened`: the stream is empty. */
export interface NoIncident {
  readonly status: 'none';
}

export type RoleHolders = Readonly<Record<Role, UserId | null>>;

/** The diagnosis hold: only hypotheses, notes and decisions until it ends or is lifted. */
export type DiagnosisHold =
  | { readonly state: 'off' }
  | { readonly state: 'active'; readonly endsAt: Instant }
  | { readonly state: 'ended'; readonly endsAt: Instant }
  | {
      readonly state: 'lifted';
      readonly endsAt: Instant;
      readonly liftedAt: Instant;
      readonly by: UserId;
      readonly reason: string;
    };

/** A hold that can no longer be active: how it looks once the incident is resolved. */
export type SettledHold = Exclude<DiagnosisHold, { state: 'active' }>;

export type HypothesisStatus = 'proposed' | 'testing' | 'ruled_out' | 'confirmed' | 'withdrawn';

export interface Hypothesis {
  readonly id: string;
  readonly text: string;
  readonly status: HypothesisStatus;
  readonly proposedBy: UserId;
  readonly proposedAt: Instant;
  readonly evidence: string | null;
  readonly changedAt: Instant;
}

export type ActionStatus = 'proposed' | 'in_progress' | 'done' | 'abandoned';

export interface Action {
  readonly id: string;
  readonly text: string;
  readonly owner: UserId;
  readonly status: ActionStatus;
  readonly hypothesisId: string | null;
  readonly createdBy: UserId;
  readonly createdAt: Instant;
  /** Why it ended: the outcome of a done action, the reason for an abandoned one. */
  readonly result: string | null;
}

export interface DecisionRecord {
  readonly id: string;
  readonly what: string;
  readonly why: string;
  readonly wouldChangeOurMind: string;
  readonly by: UserId;
  readonly at: Instant;
}

export interface UpdateClock {
  readonly lastPostedAt: Instant | null;
  readonly nextUpdateBy: Instant | null;
  readonly lastNudgedAt: Instant | null;
  readonly snoozedUntil: Instant | null;
  readonly expectedResolution: string | null;
  readonly count: number;
}

/** One escalation: the policy's timer (by the system) or a person's `/incident escalate`. */
export interface Escalation {
  readonly at: Instant;
  /** Who asked; the system actor when the policy's timer fired. */
  readonly by: UserId;
  readonly audiences: readonly EscalationAudience[];
  /** Why a person escalated by hand, when they said; null for the policy's timers. */
  readonly reason: string | null;
  /** The policy escalates nobody at this severity: a person asked, so everyone was told. */
  readonly beyondPolicy: boolean;
}

/** What every opened incident knows, whatever its status. */
export interface IncidentFacts extends IncidentIdentity {
  readonly openedAt: Instant;
  readonly roles: RoleHolders;
  /** Everyone who has acted on the incident, in order of first appearance. */
  readonly participants: readonly UserId[];
  readonly commanderFirstNamedAt: Instant | null;
  readonly hypotheses: readonly Hypothesis[];
  readonly actions: readonly Action[];
  readonly decisions: readonly DecisionRecord[];
  /** Captured Slack messages as `channel/ts`: a second capture of the same message changes nothing. */
  readonly captured: readonly string[];
  readonly updates: UpdateClock;
  /** Escalation counts from here: the opening, or the last reopening. */
  readonly escalationArmedAt: Instant;
  readonly escalatedAt: Instant | null;
  /** Every escalation, oldest first, across reopenings (those since `escalationArmedAt` count now). */
  readonly escalations: readonly Escalation[];
  /** When the channel was nudged because nobody had taken command; it happens once. */
  readonly commanderNudgedAt: Instant | null;
  /** The latest triage answers (at opening, or a later triage); null while triage was skipped. */
  readonly triage: TriageAnswers | null;
}

export interface ActiveIncident extends IncidentFacts {
  readonly status: OpenStatus;
  readonly hold: DiagnosisHold;
}

export interface Resolution {
  readonly at: Instant;
  readonly by: UserId;
  readonly summary: string;
  readonly impactEndedAt: Instant | null;
  readonly postmortemRequired: boolean;
  /** Null when not said (or resolved before the question was asked): the impact counts from the opening. */
  readonly impactStartedAt: Instant | null;
  readonly detection: Detection | null;
}

export interface ResolvedIncident extends IncidentFacts {
  readonly status: 'resolved';
  readonly hold: SettledHold;
  readonly resolution: Resolution;
  readonly postmortemReminders: number;
}

export type FollowUpStatus = 'open' | 'done' | 'dropped';

export interface FollowUp extends FollowUpInput {
  /** False for follow-ups recorded before the question was asked. */
  readonly runbook: boolean;
  readonly status: FollowUpStatus;
  readonly closedAt: Instant | null;
  readonly dropReason: string | null;
  readonly remindedBefore: boolean;
  readonly remindedOverdue: boolean;
}

export interface ClosedIncident extends IncidentFacts {
  readonly status: 'closed';
  readonly hold: SettledHold;
  readonly resolution: Resolution;
  /** Every answer, empty where the meeting (or a postmortem recorded before the question) gave none. */
  readonly postmortem: {
    readonly at: Instant;
    readonly by: UserId;
    readonly answers: Required<PostmortemAnswers>;
  };
  readonly followUps: readonly FollowUp[];
}

/** Any state after `IncidentOpened`. */
export type OpenedIncident = ActiveIncident | ResolvedIncident | ClosedIncident;

export const initialState: IncidentState = { status: 'none' };

/**
 * The version of what a history folds to. Bump it whenever `evolve` changes the state it builds
 * (a new field, a new meaning): stored snapshots of an older version are rebuilt from their events
 * the next time they are read, so a change to `evolve` reaches every stored incident.
 */
export const STATE_VERSION = 4;

export const isActive = (state: IncidentState): state is ActiveIncident =>
  state.status === 'investigating' || state.status === 'identified' || state.status === 'monitoring';
