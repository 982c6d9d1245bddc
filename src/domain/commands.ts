import type { SnoozeMinutes } from './decide-updates.js';
import type { Detection } from './detection.js';
import type { TimerKind, TimerPolicy } from './timer-policy-types.js';
import type { TriageAnswers } from './triage.js';
import type { Instant, Milliseconds, OpenStatus, Role, Severity, UserId } from './types.js';

/**
 * Intentions, in the imperative. Each carries who asks (`actor`) and when (`now`); the domain
 * decides whether it is allowed against the current state. Ids of new things (hypotheses,
 * actions, …) come in on the command: the domain never invents them.
 */
interface CommandBase<T extends string> {
  readonly type: T;
  readonly actor: UserId;
  readonly now: Instant;
}

export interface OpenIncident extends CommandBase<'OpenIncident'> {
  /** Allocated by the store: per Slack workspace, never reused. */
  readonly number: number;
  readonly title: string;
  readonly service: string | null;
  /** Null leaves the severity pending until triage (unless `triage` is given). */
  readonly severity: Severity | null;
  /** Answers to the triage questions; when given they set the severity. */
  readonly triage?: TriageAnswers | null;
  readonly private: boolean;
  readonly drill: boolean;
  /** The configured diagnosis hold; 0 turns it off. */
  readonly diagnosisHold: Milliseconds;
}

export interface TakeRole extends CommandBase<'TakeRole'> {
  readonly role: Role;
}
export interface AssignRole extends CommandBase<'AssignRole'> {
  readonly role: Role;
  readonly assignee: UserId;
}
export interface HandOffRole extends CommandBase<'HandOffRole'> {
  readonly role: Role;
  readonly to: UserId;
}
export interface ReleaseRole extends CommandBase<'ReleaseRole'> {
  readonly role: Role;
}

/** Sets the severity from the triage answers (the same answers always give the same severity). */
export interface ClassifySeverity extends CommandBase<'ClassifySeverity'> {
  readonly triage: TriageAnswers;
}
export interface ChangeSeverity extends CommandBase<'ChangeSeverity'> {
  readonly severity: Severity;
  readonly reason: string;
}

export interface LiftHold extends CommandBase<'LiftHold'> {
  readonly reason: string;
}

export interface ProposeHypothesis extends CommandBase<'ProposeHypothesis'> {
  readonly hypothesisId: string;
  readonly text: string;
}
export interface UpdateHypothesis extends CommandBase<'UpdateHypothesis'> {
  readonly hypothesisId: string;
  readonly status: 'testing' | 'ruled_out' | 'confirmed';
  /** Required to rule out or confirm: what we saw. */
  readonly evidence: string | null;
}
export interface WithdrawHypothesis extends CommandBase<'WithdrawHypothesis'> {
  readonly hypothesisId: string;
  readonly reason: string;
}

export interface StartAction extends CommandBase<'StartAction'> {
  readonly actionId: string;
  readonly text: string;
  readonly owner: UserId;
  readonly hypothesisId: string | null;
}
/** Starts an action that was proposed during the diagnosis hold. */
export interface StartProposedAction extends CommandBase<'StartProposedAction'> {
  readonly actionId: string;
}
export interface CompleteAction extends CommandBase<'CompleteAction'> {
  readonly actionId: string;
  readonly outcome: string | null;
}
export interface AbandonAction extends CommandBase<'AbandonAction'> {
  readonly actionId: string;
  readonly reason: string;
}
export interface ReassignAction extends CommandBase<'ReassignAction'> {
  readonly actionId: string;
  readonly owner: UserId;
}

export interface RecordDecision extends CommandBase<'RecordDecision'> {
  readonly decisionId: string;
  readonly what: string;
  readonly why: string;
  readonly wouldChangeOurMind: string;
}
export interface AddNote extends CommandBase<'AddNote'> {
  readonly text: string;
}
/** Puts a Slack message on the timeline (📌 or the message shortcut), keeping its original time. */
export interface CaptureMessage extends CommandBase<'CaptureMessage'> {
  readonly channel: string;
  readonly ts: string;
  readonly author: UserId;
  readonly text: string;
  readonly postedAt: Instant;
}

export interface ChangeStatus extends CommandBase<'ChangeStatus'> {
  readonly status: OpenStatus;
  readonly note: string | null;
}

export interface PostStakeholderUpdate extends CommandBase<'PostStakeholderUpdate'> {
  readonly text: string;
  /** When the next update will come, as promised in the text; null means the cadence decides. */
  readonly nextUpdateBy: Instant | null;
  /** A resolution time the commander chose to give; never invented by the bot. */
  readonly expectedResolution: string | null;
  /** A channel chosen for this update besides the usual ones (a private incident's stakeholders). */
  readonly alsoPostTo?: string | null;
}
export interface SnoozeUpdateNudge extends CommandBase<'SnoozeUpdateNudge'> {
  readonly minutes: SnoozeMinutes;
}

export interface Resolve extends CommandBase<'Resolve'> {
  readonly summary: string;
  readonly impactEndedAt: Instant | null;
  /** SEV3/SEV4 incidents get a postmortem only when asked; SEV1/SEV2 always do. */
  readonly postmortemWanted: boolean;
  /** Required while the severity is pending: an incident is not resolved unclassified. Ignored otherwise. */
  readonly severity?: Severity | null;
  /**
   * The final update to stakeholders, posted with the resolution (the resolve form drafts it in
   * the past tense); null or absent posts none.
   */
  readonly finalUpdate?: string | null;
  /** When customer impact started; null or absent: at the opening. Never after the resolution. */
  readonly impactStartedAt?: Instant | null;
  readonly detection?: Detection | null;
}
export interface Reopen extends CommandBase<'Reopen'> {
  readonly reason: string;
}

/** `/incident escalate [reason]`: tell the policy's audiences now, whatever the timers say. */
export interface Escalate extends CommandBase<'Escalate'> {
  readonly reason: string | null;
  /** Whom the escalation policy names for the severity. */
  readonly policy: TimerPolicy;
}

/** Names (or renames) the affected service: free text, as people call it. */
export interface SetService extends CommandBase<'SetService'> {
  readonly service: string;
}

export interface FollowUpInput {
  readonly id: string;
  readonly title: string;
  readonly owner: UserId;
  /** A calendar date, `YYYY-MM-DD`. */
  readonly due: string;
  /** 1 = most impact. Each rank once. */
  readonly rank: 1 | 2 | 3;
  /** Prevents or detects this failure. */
  readonly control: boolean;
  /** Writes or fixes the runbook for this failure; absent on follow-ups recorded before it was asked. */
  readonly runbook?: boolean;
}

export interface PostmortemAnswers {
  readonly whatHappened: string;
  readonly whyNotDetectedSooner: string;
  readonly whyResponseTookSoLong: string;
  readonly whatWeChange: string;
  /** The meeting's further sections; optional, and absent on postmortems recorded before they were asked. */
  readonly rootCauses?: string;
  readonly contributingFactors?: string;
  readonly wentWell?: string;
  readonly wentWrong?: string;
  readonly gotLucky?: string;
  /** Was there a runbook, did it help? */
  readonly runbook?: string;
}

export interface RecordPostmortem extends CommandBase<'RecordPostmortem'> {
  readonly answers: PostmortemAnswers;
  readonly followUps: readonly FollowUpInput[];
  /** Set by the app when the service broke before: one follow-up must then be a control. */
  readonly requireControl: boolean;
}
export interface CompleteFollowUp extends CommandBase<'CompleteFollowUp'> {
  readonly followUpId: string;
}
export interface DropFollowUp extends CommandBase<'DropFollowUp'> {
  readonly followUpId: string;
  readonly reason: string;
}

/**
 * A timer fired. It applies only if the timer policy, given the current state, still wants a timer
 * with this key and due time; otherwise it is stale and decides nothing.
 */
export interface FireTimer extends CommandBase<'FireTimer'> {
  readonly kind: TimerKind;
  readonly key: string;
  readonly dueAt: Instant;
  readonly policy: TimerPolicy;
}

/** Sends the final postmortem record again, to the channel it was asked from. */
export interface ExportPostmortem extends CommandBase<'ExportPostmortem'> {
  readonly channel: string;
}

export type IncidentCommand =
  | OpenIncident
  | TakeRole
  | AssignRole
  | HandOffRole
  | ReleaseRole
  | ClassifySeverity
  | ChangeSeverity
  | LiftHold
  | ProposeHypothesis
  | UpdateHypothesis
  | WithdrawHypothesis
  | StartAction
  | StartProposedAction
  | CompleteAction
  | AbandonAction
  | ReassignAction
  | RecordDecision
  | AddNote
  | CaptureMessage
  | ChangeStatus
  | PostStakeholderUpdate
  | SnoozeUpdateNudge
  | Resolve
  | Reopen
  | SetService
  | RecordPostmortem
  | CompleteFollowUp
  | DropFollowUp
  | FireTimer
  | Escalate
  | ExportPostmortem;

export type IncidentCommandType = IncidentCommand['type'];
