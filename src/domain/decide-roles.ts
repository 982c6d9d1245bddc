import type { AssignRole, HandOffRole, ReleaseRole, TakeRole } from './commands.js';
import { refusing, requireUser } from './guards.js';
import { mention, reject } from './rejection.js';
import type { OpenedIncident } from './state.js';
import type { Role, UserId } from './types.js';
import { acceptFrom, refuse, unchanged, type Verdict } from './verdict.js';

/** Anyone may take a free role; a held one changes hands only through its holder or the commander. */
export function decideTakeRole(command: TakeRole, state: OpenedIncident): Verdict {
  const holder = state.roles[command.role];
  if (holder === command.actor) return unchanged;
  if (holder !== null) {
    return refuse(
      reject(
        'role_taken',
        `${mention(holder)} is already ${command.role}. Ask them to hand it off to you, or pick another role.`,
      ),
    );
  }
  return acceptFrom(command, {
    type: 'RoleAssigned',
    role: command.role,
    userId: command.actor,
    previous: null,
    via: 'took',
  });
}

/**
 * Assigning a role one holds is handing it off: the record says so, whichever button was used. A
 * free role may be assigned by anyone; a held one only by its holder or the commander. Every
 * assignment invites the assignee, so in a private incident only its participants may bring
 * someone new in.
 */
export function decideAssignRole(command: AssignRole, state: OpenedIncident): Verdict {
  const assignee = requireUser(command.assignee, 'assignee', 'who should hold the role');
  const holder = state.roles[command.role];
  if (holder === assignee) return unchanged;
  mayChangeHands(state, command.role, command.actor);
  mayInvite(state, command.actor, assignee);
  return acceptFrom(command, {
    type: 'RoleAssigned',
    role: command.role,
    userId: assignee,
    previous: holder,
    via: holder === command.actor ? 'handed_off' : 'assigned',
  });
}

export function decideHandOffRole(command: HandOffRole, state: OpenedIncident): Verdict {
  const holder = state.roles[command.role];
  if (holder !== command.actor) {
    return refuse(
      reject(
        'role_not_held',
        holder === null
          ? `Nobody is ${command.role}; take the role first, or assign it.`
          : `Only ${mention(holder)} can hand off ${command.role}; ask them, or ask the commander.`,
      ),
    );
  }
  const to = requireUser(command.to, 'assignee', 'who should take the role');
  if (to === command.actor) return unchanged;
  mayInvite(state, command.actor, to);
  return acceptFrom(command, {
    type: 'RoleAssigned',
    role: command.role,
    userId: to,
    previous: command.actor,
    via: 'handed_off',
  });
}

/** The holder steps down; the commander may also free a role (someone left without handing it off). */
export function decideReleaseRole(command: ReleaseRole, state: OpenedIncident): Verdict {
  const holder = state.roles[command.role];
  if (holder === null) {
    return refuse(
      reject('role_not_held', `Nobody is ${command.role} right now, so there is nothing to release.`),
    );
  }
  mayChangeHands(state, command.role, command.actor);
  return acceptFrom(command, { type: 'RoleReleased', role: command.role, userId: holder });
}

/** A held role moves only by its holder's or the commander's hand. */
function mayChangeHands(state: OpenedIncident, role: Role, actor: UserId): void {
  const holder = state.roles[role];
  const commander = state.roles.commander;
  if (holder === null || holder === actor || commander === actor) return;
  const who =
    role !== 'commander' && commander !== null ? `they or the commander (${mention(commander)})` : 'they';
  refusing(
    reject(
      'not_permitted',
      `${mention(holder)} holds ${role}; only ${who} can give it to someone else. Ask them.`,
    ),
  );
}

/** Bringing a new person into a private incident is for the people already working it. */
function mayInvite(state: OpenedIncident, actor: UserId, invitee: UserId): void {
  if (!state.private || state.participants.includes(invitee) || state.participants.includes(actor)) return;
  refusing(
    reject(
      'not_permitted',
      `This is a private incident: only the people working it can bring someone new in. Ask the commander${state.roles.commander ? ` (${mention(state.roles.commander)})` : ''}.`,
      { field: 'assignee' },
    ),
  );
}
