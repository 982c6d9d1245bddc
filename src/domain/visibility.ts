import type { OpenedIncident } from './state.js';
import type { UserId } from './types.js';

/**
 * The people an incident names as working on it: everyone who acted on it, and the owners of its
 * actions and follow-ups (they were given work on it, so they may read about it).
 */
export function isParticipant(state: OpenedIncident, userId: UserId): boolean {
  return (
    state.participants.includes(userId) ||
    state.actions.some((action) => action.owner === userId) ||
    (state.status === 'closed' && state.followUps.some((followUp) => followUp.owner === userId))
  );
}

/**
 * The one visibility rule. A public incident is visible to its whole workspace. A private one
 * (security) only to the members of its channel and to its participants; everywhere else it is
 * shown, if at all, as a number without a title.
 */
export function canSee(state: OpenedIncident, viewer: { userId: UserId; inChannel: boolean }): boolean {
  return !state.private || viewer.inChannel || isParticipant(state, viewer.userId);
}
