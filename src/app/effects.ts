import type {
  IncidentReopened,
  RoleAssigned,
  RoleAssignment,
  RoleReleased,
  ServiceSet,
  SeverityChanged,
  StatusChanged,
} from '../domain/index.js';

/** The changes everyone in the channel is told about in one line: who did what. */
export type NoticedChange =
  | RoleAssigned
  | RoleReleased
  | SeverityChanged
  | StatusChanged
  | ServiceSet
  | IncidentReopened;

/**
 * Side effects in Slack that committed events call for. They are written to the outbox in the same
 * transaction as the events, and performed after commit, so a crash between the two loses nothing.
 * Each performer is idempotent against what earlier attempts recorded (channel id, message ts).
 */
export type Effect =
  | { readonly kind: 'channel.create' }
  | { readonly kind: 'channel.invite'; readonly users: readonly string[] }
  /** The new channel's purpose: what it is for, and the incident's id (a retry recognises it by that). */
  | { readonly kind: 'channel.purpose' }
  | { readonly kind: 'header.render' }
  /** Posts the announcement, or updates it in place once posted: never twice. */
  | { readonly kind: 'announcement.render' }
  | { readonly kind: 'reporter.confirm'; readonly responseUrl: string }
  /** The hold ended: what was learned during it, and the commander asked to choose. */
  | { readonly kind: 'hold.summary' }
  /**
   * Escalation: the senior engineers invited and paged in the channel (a drill's commander only).
   * `at` names the escalation; rows written before there could be several have none (the first).
   */
  | { readonly kind: 'escalation.page'; readonly at?: string }
  /** Escalation: the executives told by direct message, in plain language (a drill's commander only). */
  | { readonly kind: 'escalation.brief'; readonly at?: string }
  /** A stakeholder update is due: the communicator (or commander) nudged in the channel. */
  | { readonly kind: 'update.nudge'; readonly recipient: string | null; readonly at: string }
  /** A stakeholder update: to STAKEHOLDER_CHANNEL (unless private) and the incident channel. */
  | {
      readonly kind: 'update.post';
      readonly text: string;
      readonly by: string;
      readonly at: string;
      /** A channel chosen in the modal (private incidents), besides the usual ones. */
      readonly alsoTo?: string;
    }
  /** Resolved: said in the incident channel. */
  | { readonly kind: 'resolution.post' }
  /** The postmortem draft: a summary message and the full Markdown in its thread. */
  | { readonly kind: 'postmortem.draft' }
  /** The postmortem as recorded, with its three follow-ups, and the final record's file. */
  | { readonly kind: 'postmortem.record' }
  /** The final record's file, sent again where someone asked for it (`/incident postmortem export`). */
  | { readonly kind: 'postmortem.export'; readonly channel: string; readonly at: string }
  | {
      readonly kind: 'postmortem.remind';
      readonly n: number;
      readonly recipient: string | null;
      readonly toExec: boolean;
    }
  | { readonly kind: 'follow-up.remind'; readonly followUpId: string; readonly which: 'before' | 'overdue' }
  /** A role, the severity, the status or the service changed, or it reopened: one line in the channel. */
  | { readonly kind: 'change.notice'; readonly change: NoticedChange }
  /** Someone new is commander: what they need to know, by direct message. */
  | {
      readonly kind: 'commander.brief';
      readonly commander: string;
      readonly by: string;
      readonly via: RoleAssignment;
      readonly at: string;
    }
  /** A new stage: the communicator (or commander) asked in the channel to post an update for it. */
  | { readonly kind: 'stage.prompt'; readonly from: string; readonly to: string; readonly at: string }
  /** Nobody took command in time: the channel asked, with a Take command button. */
  | { readonly kind: 'commander.nudge'; readonly at: string };

export type EffectKind = Effect['kind'];

/**
 * Effects that always render the latest state: several pending ones collapse into one Slack call
 * (three changes in a second give one `chat.update`, not three).
 */
export const COALESCED_EFFECTS: ReadonlySet<EffectKind> = new Set<EffectKind>([
  'header.render',
  'announcement.render',
]);
