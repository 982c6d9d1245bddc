import type { IncidentEvent } from '../events.js';
import { type Role, SYSTEM_ACTOR, type UserId } from '../types.js';

/** Someone who acted on the incident, with the roles they held (reporter first, if they reported it). */
export interface Responder {
  readonly userId: UserId;
  readonly roles: readonly (Role | 'reporter')[];
}

/**
 * Everyone who acted on the incident up to its resolution, from its events, in order of first
 * appearance: who did something, who was given a role or an action, and whose messages were put
 * on the timeline. What came after (reminders, the meeting) is not the response.
 */
export function respondersIn(events: readonly IncidentEvent[]): Responder[] {
  const roles = new Map<UserId, (Role | 'reporter')[]>();
  const add = (userId: UserId, role?: Role | 'reporter') => {
    if (userId === SYSTEM_ACTOR) return;
    const held = roles.get(userId) ?? [];
    if (role && !held.includes(role)) held.push(role);
    roles.set(userId, held);
  };
  for (const event of events) {
    if (event.type === 'IncidentResolved') {
      add(event.by);
      break;
    }
    if (event.type === 'IncidentOpened') add(event.reporter, 'reporter');
    add(event.by);
    if (event.type === 'RoleAssigned') add(event.userId, event.role);
    if (event.type === 'MessageCaptured') add(event.author);
    if (event.type === 'ActionProposed' || event.type === 'ActionStarted') add(event.owner);
    if (event.type === 'ActionReassigned') add(event.to);
  }
  return [...roles].map(([userId, held]) => ({ userId, roles: held }));
}

/** Every person the events name, for looking their names up once before rendering a file. */
export function peopleIn(events: readonly IncidentEvent[]): UserId[] {
  const people = new Set<UserId>();
  for (const event of events) {
    people.add(event.by);
    if (event.type === 'IncidentOpened') people.add(event.reporter);
    if (event.type === 'RoleAssigned') {
      people.add(event.userId);
      if (event.previous) people.add(event.previous);
    }
    if (event.type === 'MessageCaptured') people.add(event.author);
    if (event.type === 'ActionProposed' || event.type === 'ActionStarted') people.add(event.owner);
    if (event.type === 'ActionReassigned') people.add(event.from).add(event.to);
    if (event.type === 'PostmortemRecorded') for (const f of event.followUps) people.add(f.owner);
  }
  people.delete(SYSTEM_ACTOR);
  return [...people];
}
