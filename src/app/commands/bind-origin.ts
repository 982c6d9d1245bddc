import { canSee, type Rejection, reject } from '../../domain/index.js';
import type { StoredIncident } from '../ports/incident-store.js';
import type { Origin } from './origin.js';

/** Said for every id that does not bind: it does not tell a stranger whether the incident exists. */
export const NOT_YOURS: Rejection = reject(
  'not_found',
  'I cannot find that incident, or it is not one you can see. Use the controls in its channel.',
);

/**
 * Whether a change asked from `origin` may touch `incident`: same workspace; the incident's own
 * channel when the person acted in a channel; and a person allowed to see it. `memberOfChannel`
 * is what Slack said about channel membership, when it had to be asked; `'ask'` means it must be
 * asked (a private incident, a person who never worked it, acting from outside its channel).
 */
export function bindOrigin(
  incident: StoredIncident,
  origin: Origin,
  memberOfChannel: boolean | null,
): Rejection | 'ask' | null {
  const state = incident.state;
  if (state.status === 'none' || incident.teamId !== origin.teamId) return NOT_YOURS;
  if (origin.channelId !== null && origin.channelId !== incident.channelId) return NOT_YOURS;
  const inChannel = origin.channelId !== null || memberOfChannel === true;
  if (canSee(state, { userId: origin.userId, inChannel })) return null;
  return memberOfChannel === null && incident.channelId !== null ? 'ask' : NOT_YOURS;
}
