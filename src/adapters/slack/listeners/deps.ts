import type { CommandOutcome } from '../../../app/handle-command.js';
import type { OpenIncidentRequest } from '../../../app/open-incident.js';
import type { Clock } from '../../../app/ports/clock.js';
import type { IncidentStore } from '../../../app/ports/incident-store.js';
import type { Logger } from '../../../app/ports/logger.js';
import type { Config } from '../../../config/config.js';
import type { IncidentCommand } from '../../../domain/index.js';

/** What the Slack listeners need from the rest of the bot; nothing Slack-specific leaks inward. */
export interface ListenerDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly store: IncidentStore;
  readonly openIncident: (request: OpenIncidentRequest) => Promise<CommandOutcome>;
  readonly handleCommand: (incidentId: string, command: IncidentCommand) => Promise<CommandOutcome>;
  /** Records a Slack event id; false when it was already processed (Slack retried the delivery). */
  /** Ids for new hypotheses, actions, decisions and follow-ups. */
  readonly newId: () => string;
  readonly markEventProcessed: (teamId: string, eventId: string) => Promise<boolean>;
  /** A person's IANA time zone from their Slack profile (TIMEZONE when unknown). */
  readonly zoneOf: (userId: string | null) => Promise<string>;
}
