export { BROKE_TWICE_WINDOW_MS, brokeTwiceSince, DUPLICATE_WINDOW_MS, sameService } from './broke-twice.js';
export type * from './commands.js';
export { decide } from './decide.js';
export { holdIsActive } from './decide-actions.js';
export { followUpProblem } from './decide-postmortem.js';
export { hasEscalated, postmortemRequired } from './decide-resolution.js';
export { SNOOZE_CHOICES, type SnoozeMinutes } from './decide-updates.js';
export * from './detection.js';
export * from './drafts/escalation-brief.js';
export { finalUpdateDraft } from './drafts/final-update.js';
export type { NameOf } from './drafts/markdown-text.js';
export * from './drafts/postmortem.js';
export {
  IMPACT_DEFINITIONS,
  type MarkdownOptions,
  type PostmortemRecordInput,
  renderPostmortemMarkdown,
} from './drafts/postmortem-markdown.js';
export { peopleIn, type Responder } from './drafts/postmortem-people.js';
export * from './drafts/stakeholder-update.js';
export {
  AUDIENCE_NAMES,
  audiencesTold,
  defaultEscalationPolicy,
  escalationPolicyOf,
  escalationSeverity,
  manualAudiences,
} from './escalation-policy.js';
export type * from './events.js';
export { evolve, replay } from './evolve.js';
export { type ImpactTimes, impactEndedAt, impactStartedAt, impactTimes } from './impact-window.js';
export { clipText, TEXT_LIMITS, type TextField } from './limits.js';
export { type Capability, permission, permits } from './permissions.js';
export {
  clockTime,
  mention,
  type RejectedField,
  type Rejection,
  type RejectionCode,
  reject,
} from './rejection.js';
export { similarTitles } from './similar-titles.js';
export type * from './state.js';
export { initialState, isActive, STATE_VERSION } from './state.js';
export { cadenceFor, humanDuration, nextUpdateDue, timersFor } from './timer-policy.js';
export type * from './timer-policy-types.js';
export { TIMER_KINDS } from './timer-policy-types.js';
export { severityFromTriage, TRIAGE_QUESTIONS, type TriageAnswers, type TriageQuestion } from './triage.js';
export * from './types.js';
export type { Verdict } from './verdict.js';
export { canSee, isParticipant } from './visibility.js';
