import type { IncidentCommandType } from '../../domain/index.js';

/** How a command ended, for `/metrics`. `failed` means it never reached a decision (an outage). */
export type CommandResult = 'accepted' | 'unchanged' | 'rejected' | 'failed';

/** Counts commands where they are handled (the command core), by type and result. */
export interface CommandMetrics {
  counted(type: IncidentCommandType, result: CommandResult): void;
}
