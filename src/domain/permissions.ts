import { mention, type Rejection, reject } from './rejection.js';
import type { IncidentState } from './state.js';
import type { UserId } from './types.js';

/** Things only the commander may do. */
export type Capability =
  | 'resolve'
  | 'reopen'
  | 'lift_hold'
  | 'change_severity'
  | 'record_postmortem'
  | 'set_service';

const WHAT: Readonly<Record<Capability, string>> = {
  resolve: 'resolve the incident',
  reopen: 'reopen the incident',
  lift_hold: 'lift the diagnosis hold',
  change_severity: 'change the severity',
  record_postmortem: 'record the postmortem',
  set_service: 'set the service',
};

/**
 * The commander may; while nobody is commander, anyone working the incident may, and the event
 * records that they acted without the role. The Slack layer asks this before showing a button.
 */
export function permits(state: IncidentState, actor: UserId, capability: Capability): boolean {
  return permission(state, actor, capability).allowed;
}

export type Permission =
  | { readonly allowed: true; readonly asCommander: boolean }
  | { readonly allowed: false; readonly rejection: Rejection };

export function permission(state: IncidentState, actor: UserId, capability: Capability): Permission {
  if (state.status === 'none')
    return { allowed: false, rejection: reject('not_open', 'There is no incident here.') };
  const commander = state.roles.commander;
  if (commander === null) return { allowed: true, asCommander: false };
  if (commander === actor) return { allowed: true, asCommander: true };
  return {
    allowed: false,
    rejection: reject(
      'not_permitted',
      `Only the commander (${mention(commander)}) can ${WHAT[capability]}; ask them, or ask them to hand the role to you.`,
    ),
  };
}
