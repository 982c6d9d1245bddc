import type { IncidentEvent } from '../domain/index.js';
import type { Effect, NoticedChange } from './effects.js';

/** Changes that people outside the incident channel should see in its announcement. */
const ANNOUNCED: ReadonlySet<IncidentEvent['type']> = new Set<IncidentEvent['type']>([
  'IncidentOpened',
  'SeverityChanged',
  'StatusChanged',
  'IncidentResolved',
  'IncidentReopened',
  'ServiceSet',
]);

/**
 * What the timeline records but the pinned header never shows (nor the timers it lists): a batch of
 * only these renders the header exactly as it was, so it asks for no `chat.update`. A test holds
 * the header to it.
 */
export const KEPT_OFF_THE_HEADER: ReadonlySet<IncidentEvent['type']> = new Set<IncidentEvent['type']>([
  'NoteAdded',
  'MessageCaptured',
  'DecisionRecorded',
]);

/** The Slack side effects that a batch of committed events calls for, in the order to perform them. */
export function effectsFor(events: readonly IncidentEvent[], isPrivate: boolean): Effect[] {
  const effects: Effect[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'IncidentOpened':
        effects.push({ kind: 'channel.create' }, { kind: 'channel.invite', users: [event.reporter] });
        // Its own effect, so the header does not wait for it (the outbox runs them side by side).
        effects.push({ kind: 'channel.purpose' });
        break;
      case 'RoleAssigned':
        effects.push({ kind: 'channel.invite', users: [event.userId] });
        effects.push(...changeEffects(event));
        break;
      case 'RoleReleased':
      case 'SeverityChanged':
      case 'StatusChanged':
      case 'ServiceSet':
        effects.push(...changeEffects(event));
        break;
      case 'IncidentReopened':
        effects.push(...changeEffects(event));
        break;
      case 'CommanderNudged':
        effects.push({ kind: 'commander.nudge', at: event.at });
        break;
      case 'HoldEnded':
        effects.push({ kind: 'hold.summary' });
        break;
      case 'IncidentEscalated': {
        // Events from before the escalation policy told both audiences.
        const audiences = event.audiences ?? ['senior', 'exec'];
        if (audiences.includes('senior')) effects.push({ kind: 'escalation.page', at: event.at });
        if (audiences.includes('exec')) effects.push({ kind: 'escalation.brief', at: event.at });
        break;
      }
      case 'UpdateNudged':
        effects.push({ kind: 'update.nudge', recipient: event.recipient, at: event.at });
        break;
      case 'StakeholderUpdatePosted':
        effects.push({
          kind: 'update.post',
          text: event.text,
          by: event.by,
          at: event.at,
          ...(event.alsoPostedTo ? { alsoTo: event.alsoPostedTo } : {}),
        });
        break;
      case 'IncidentResolved':
        effects.push({ kind: 'resolution.post' });
        if (event.postmortemRequired) effects.push({ kind: 'postmortem.draft' });
        break;
      case 'PostmortemRecorded':
        effects.push({ kind: 'postmortem.record' });
        break;
      case 'PostmortemExported':
        effects.push({ kind: 'postmortem.export', channel: event.channel, at: event.at });
        break;
      case 'PostmortemReminded':
        effects.push({
          kind: 'postmortem.remind',
          n: event.n,
          recipient: event.recipient,
          toExec: event.toExec,
        });
        break;
      case 'FollowUpReminded':
        effects.push({ kind: 'follow-up.remind', followUpId: event.followUpId, which: event.which });
        break;
      default:
        break;
    }
  }
  // Every change shows in the pinned header; one render per batch is enough.
  if (events.some((event) => !KEPT_OFF_THE_HEADER.has(event.type))) effects.push({ kind: 'header.render' });
  // Private incidents (security) are never announced.
  if (!isPrivate && events.some((event) => ANNOUNCED.has(event.type)))
    effects.push({ kind: 'announcement.render' });
  return effects;
}

/**
 * What a visible change calls for besides the header: a one-line notice in the channel, a briefing
 * for someone new in command, and, at a new stage, the communicator asked to tell stakeholders.
 */
function changeEffects(event: NoticedChange): Effect[] {
  const effects: Effect[] = [{ kind: 'change.notice', change: event }];
  if (event.type === 'RoleAssigned' && event.role === 'commander')
    effects.push({
      kind: 'commander.brief',
      commander: event.userId,
      by: event.by,
      via: event.via,
      at: event.at,
    });
  if (event.type === 'StatusChanged')
    effects.push({ kind: 'stage.prompt', from: event.from, to: event.to, at: event.at });
  // Stakeholders were told it was resolved: they should hear that it is back.
  if (event.type === 'IncidentReopened')
    effects.push({ kind: 'stage.prompt', from: 'resolved', to: 'investigating', at: event.at });
  return effects;
}
