import type { AssignRole, HandOffRole, ReleaseRole, TakeRole } from './commands.js';
import { accept, type Decision, refuse, unchanged } from './decision.js';
import { mention, reject } from './rejection.js';
import type { OpenedIncident } from './state.js';

export function decideTakeRole(command: TakeRole, state: OpenedIncident): Decision {
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
  return accept({
    type: 'RoleAssigned',
    at: command.now,
    by: command.actor,
    role: command.role,
    userId: command.actor,
    previous: null,
    via: 'took',
  });
}

/** Assigning a role one holds is handing it off: the record says so, whichever button was used. */
export function decideAssignRole(command: AssignRole, state: OpenedIncident): Decision {
  const holder = state.roles[command.role];
  if (holder === command.assignee) return unchanged;
  return accept({
    type: 'RoleAssigned',
    at: command.now,
    by: command.actor,
    role: command.role,
    userId: command.assignee,
    previous: holder,
    via: holder === command.actor ? 'handed_off' : 'assigned',
  });
}

export function decideHandOffRole(command: HandOffRole, state: OpenedIncident): Decision {
  const holder = state.roles[command.role];
  if (holder !== command.actor) {
    return refuse(
      reject(
        'role_not_held',
        holder === null
          ? `Nobody is ${command.role}; take the role first, or assign it.`
          : `Only ${mention(holder)} can hand off ${command.role}; ask them, or use Assign.`,
      ),
    );
  }
  if (command.to === command.actor) return unchanged;
  return accept({
    type: 'RoleAssigned',
    at: command.now,
    by: command.actor,
    role: command.role,
    userId: command.to,
    previous: command.actor,
    via: 'handed_off',
  });
}

export function decideReleaseRole(command: ReleaseRole, state: OpenedIncident): Decision {
  const holder = state.roles[command.role];
  if (holder !== command.actor) {
    return refuse(
      reject(
        'role_not_held',
        holder === null
          ? `Nobody is ${command.role} right now, so there is nothing to release.`
          : `${mention(holder)} holds ${command.role}; only they can release it.`,
      ),
    );
  }
  return accept({
    type: 'RoleReleased',
    at: command.now,
    by: command.actor,
    role: command.role,
    userId: command.actor,
  });
}
