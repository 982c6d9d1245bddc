import type { IncidentState, Role, SeverityOrPending } from '../../../domain/index.js';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  commander: 'Commander',
  communicator: 'Communicator',
  scribe: 'Scribe',
};

export const ROLE_DUTIES: Readonly<Record<Role, string>> = {
  commander: 'coordinates; does not fix',
  communicator: 'keeps stakeholders informed',
  scribe: 'keeps the timeline',
};

export function severityLabel(severity: SeverityOrPending): string {
  return severity === 'pending' ? 'Pending triage' : severity;
}

export function statusLabel(status: IncidentState['status']): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** `INC-42`, the name people say out loud. */
export const incidentRef = (number: number): string => `INC-${number}`;
