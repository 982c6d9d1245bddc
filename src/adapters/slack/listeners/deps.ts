import type { WebClient } from '@slack/web-api';
import type { CommandCore } from '../../../app/commands/command-core.js';
import type { Clock } from '../../../app/ports/clock.js';
import type { IncidentStore } from '../../../app/ports/incident-store.js';
import type { Logger } from '../../../app/ports/logger.js';
import type { Outbox } from '../../../app/ports/outbox.js';
import type { Runbooks } from '../../../app/ports/runbooks.js';
import type { Config } from '../../../config/config.js';
import type { TimerPolicy } from '../../../domain/index.js';

/** What the Slack listeners need from the rest of the bot; nothing Slack-specific leaks inward. */
export interface ListenerDeps {
  readonly config: Config;
  readonly policy: TimerPolicy;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Reads. Every change goes through `commands`. */
  readonly store: IncidentStore;
  readonly commands: CommandCore;
  /** What did not reach Slack, for `/incident status`. */
  readonly failures: Outbox['failures'];
  /** Ids for things created from a slash command (modals derive theirs from the view id). */
  readonly newId: () => string;
  /** A person's IANA time zone from their Slack profile (TIMEZONE when unknown). */
  readonly zoneOf: (userId: string | null, teamId?: string) => Promise<string>;
  /** Runbook links per service (`/incident runbook`). */
  readonly runbooks: Runbooks;
  /**
   * Runs work after the ack (opening a modal, an answer through response_url), tracked so a clean
   * shutdown waits for it. Failures are logged with `context`.
   */
  readonly later: (context: object, work: () => Promise<unknown>) => void;
  /** How long a listener waits for its work before acking "still working" (under Slack's 3 s). */
  readonly answerWithinMs: number;
  /** The Web API client for a workspace's calls, with its bot token (SlackClients, listener use). */
  readonly clientFor: (teamId: string) => Promise<WebClient>;
  /** The app was uninstalled from a workspace or an org, or its bot token revoked. */
  readonly onUninstalled?: (gone: UninstalledWorkspace) => Promise<void>;
}

/** Who uninstalled the app: one workspace, or (`isEnterpriseInstall`) an org-wide install. */
export interface UninstalledWorkspace {
  readonly teamId: string | null;
  readonly enterpriseId: string | null;
  readonly isEnterpriseInstall: boolean;
  readonly why: 'app_uninstalled' | 'tokens_revoked';
}
