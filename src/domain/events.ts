import type { FollowUpInput, PostmortemAnswers } from './commands.js';
import type { Detection } from './detection.js';
import type { TriageAnswers } from './triage.js';
import type {
  EscalationAudience,
  IncidentIdentity,
  Instant,
  OpenStatus,
  Role,
  Severity,
  SeverityOrPending,
  UserId,
} from './types.js';

/**
 * Facts on the incident's timeline, named in the past tense. Every event carries when it happened
 * (`at`) and who made it happen (`by`), so the timeline and the postmortem can be rebuilt from events
 * alone. Events are plain JSON: they are stored as they are in `incident_events.payload`.
 */
interface EventBase<T extends string> {
  readonly type: T;
  readonly at: Instant;
  readonly by: UserId;
}

export interface IncidentOpened extends EventBase<'IncidentOpened'>, IncidentIdentity {
  /** When the diagnosis hold ends; null when the hold was configured off. */
  readonly holdEndsAt: Instant | null;
  readonly triage?: TriageAnswers | null;
}

/** How a role came to its new holder. */
export type RoleAssignment = 'took' | 'assigned' | 'handed_off';

export interface RoleAssigned extends EventBase<'RoleAssigned'> {
  readonly role: Role;
  readonly userId: UserId;
  /** Who held the role before, so hand-offs stay on the record. */
  readonly previous: UserId | null;
  readonly via: RoleAssignment;
}
export interface RoleReleased extends EventBase<'RoleReleased'> {
  readonly role: Role;
  readonly userId: UserId;
}

/** Whether the person acted as commander, or as a participant while nobody held the role. */
interface Authorised {
  readonly asCommander: boolean;
}

export interface SeverityChanged extends EventBase<'SeverityChanged'>, Authorised {
  readonly from: SeverityOrPending;
  readonly to: Severity;
  readonly reason: string;
  readonly triage: TriageAnswers | null;
}
export interface HoldLifted extends EventBase<'HoldLifted'>, Authorised {
  readonly reason: string;
  readonly endsAt: Instant;
}
export interface HoldEnded extends EventBase<'HoldEnded'> {}

export interface HypothesisProposed extends EventBase<'HypothesisProposed'> {
  readonly hypothesisId: string;
  readonly text: string;
}
export interface HypothesisUpdated extends EventBase<'HypothesisUpdated'> {
  readonly hypothesisId: string;
  readonly status: 'testing' | 'ruled_out' | 'confirmed';
  readonly evidence: string | null;
}
export interface HypothesisWithdrawn extends EventBase<'HypothesisWithdrawn'> {
  readonly hypothesisId: string;
  readonly reason: string;
}

interface ActionFacts {
  readonly actionId: string;
  readonly text: string;
  readonly owner: UserId;
  readonly hypothesisId: string | null;
}
/** An action asked for during the diagnosis hold: kept, not started. */
export interface ActionProposed extends EventBase<'ActionProposed'>, ActionFacts {
  readonly holdEndsAt: Instant;
}
export interface ActionStarted extends EventBase<'ActionStarted'>, ActionFacts {
  readonly wasProposed: boolean;
}
export interface ActionCompleted extends EventBase<'ActionCompleted'> {
  readonly actionId: string;
  readonly outcome: string | null;
}
export interface ActionAbandoned extends EventBase<'ActionAbandoned'> {
  readonly actionId: string;
  readonly reason: string;
}
export interface ActionReassigned extends EventBase<'ActionReassigned'> {
  readonly actionId: string;
  readonly from: UserId;
  readonly to: UserId;
}

export interface DecisionRecorded extends EventBase<'DecisionRecorded'> {
  readonly decisionId: string;
  readonly what: string;
  readonly why: string;
  readonly wouldChangeOurMind: string;
}
export interface NoteAdded extends EventBase<'NoteAdded'> {
  readonly text: string;
}
export interface MessageCaptured extends EventBase<'MessageCaptured'> {
  readonly channel: string;
  readonly ts: string;
  readonly author: UserId;
  readonly text: string;
  /** When the message was posted in Slack: the timeline orders it there, not at capture time. */
  readonly postedAt: Instant;
}

export interface StatusChanged extends EventBase<'StatusChanged'> {
  readonly from: OpenStatus;
  readonly to: OpenStatus;
  readonly note: string | null;
}

export interface IncidentEscalated extends EventBase<'IncidentEscalated'> {
  /** How long the incident had been open (since opening or reopening) when it escalated. */
  readonly openForMs: number;
  /** Who is told; absent on events from before the escalation policy, which told both. */
  readonly audiences?: readonly EscalationAudience[];
  /** Why a person escalated by hand (`/incident escalate [reason]`); null or absent otherwise. */
  readonly reason?: string | null;
  /** The policy escalates nobody at this severity, and a person asked: everyone is told. */
  readonly beyondPolicy?: boolean;
}

export interface StakeholderUpdatePosted extends EventBase<'StakeholderUpdatePosted'> {
  readonly text: string;
  readonly nextUpdateBy: Instant | null;
  readonly expectedResolution: string | null;
  /** Where else it went, when a channel was chosen for it. */
  readonly alsoPostedTo?: string | null;
}
export interface UpdateNudged extends EventBase<'UpdateNudged'> {
  readonly recipient: UserId | null;
}
export interface UpdateNudgeSnoozed extends EventBase<'UpdateNudgeSnoozed'> {
  readonly until: Instant;
}

export interface IncidentResolved extends EventBase<'IncidentResolved'>, Authorised {
  readonly summary: string;
  readonly impactEndedAt: Instant | null;
  readonly postmortemRequired: boolean;
  /** When customer impact started (at or before the opening); absent on events stored before it was asked. */
  readonly impactStartedAt?: Instant | null;
  /** How the incident was detected; absent on events stored before it was asked. */
  readonly detection?: Detection | null;
}
export interface IncidentReopened extends EventBase<'IncidentReopened'> {
  readonly reason: string;
}

export interface ServiceSet extends EventBase<'ServiceSet'>, Authorised {
  readonly from: string | null;
  readonly to: string;
}
/** Nobody had taken command some minutes after opening: the channel was asked. Once per incident. */
export interface CommanderNudged extends EventBase<'CommanderNudged'> {}

export interface PostmortemReminded extends EventBase<'PostmortemReminded'> {
  /** 1 = halfway, 2 = at the deadline, 3+ = daily while overdue. */
  readonly n: number;
  readonly overdue: boolean;
  readonly toExec: boolean;
  readonly recipient: UserId | null;
}
export interface PostmortemRecorded extends EventBase<'PostmortemRecorded'>, Authorised {
  readonly answers: PostmortemAnswers;
  readonly followUps: readonly FollowUpInput[];
}
export interface FollowUpReminded extends EventBase<'FollowUpReminded'> {
  readonly followUpId: string;
  readonly which: 'before' | 'overdue';
}
export interface FollowUpCompleted extends EventBase<'FollowUpCompleted'> {
  readonly followUpId: string;
}
export interface FollowUpDropped extends EventBase<'FollowUpDropped'> {
  readonly followUpId: string;
  readonly reason: string;
}

/** The final postmortem record was asked for again (`/incident postmortem export`). */
export interface PostmortemExported extends EventBase<'PostmortemExported'> {
  /** Where it is sent: the channel it was asked from. */
  readonly channel: string;
}

export type IncidentEvent =
  | IncidentOpened
  | RoleAssigned
  | RoleReleased
  | SeverityChanged
  | HoldLifted
  | HoldEnded
  | HypothesisProposed
  | HypothesisUpdated
  | HypothesisWithdrawn
  | ActionProposed
  | ActionStarted
  | ActionCompleted
  | ActionAbandoned
  | ActionReassigned
  | DecisionRecorded
  | NoteAdded
  | MessageCaptured
  | StatusChanged
  | IncidentEscalated
  | StakeholderUpdatePosted
  | UpdateNudged
  | UpdateNudgeSnoozed
  | IncidentResolved
  | IncidentReopened
  | ServiceSet
  | CommanderNudged
  | PostmortemReminded
  | PostmortemRecorded
  | FollowUpReminded
  | FollowUpCompleted
  | FollowUpDropped
  | PostmortemExported;

export type IncidentEventType = IncidentEvent['type'];
