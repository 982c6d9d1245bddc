/** A runbook link for a service: the steps the next person follows, instead of heroics. */
export interface Runbook {
  readonly service: string;
  readonly url: string;
  readonly setBy: string;
  readonly setAt: string;
}

/** Runbook links per service, per Slack workspace. Services match case and surrounding spaces aside. */
export interface Runbooks {
  /** Records the link for the service, replacing the one it had. */
  set(teamId: string, runbook: Runbook): Promise<void>;
  /** Every service's runbook in the workspace, by service name. */
  list(teamId: string): Promise<Runbook[]>;
  find(teamId: string, service: string): Promise<Runbook | null>;
}

/** The key a service is matched by: the same rule as `sameService`. */
export const serviceKey = (service: string): string => service.trim().toLowerCase();

/**
 * A runbook link people can open: https only, one word, no angle brackets or bars (which would
 * break out of a Slack link), and short enough to show.
 */
export const isRunbookUrl = (url: string): boolean =>
  url.length <= 500 && /^https:\/\/[^\s<>|"]+$/i.test(url) && URL.canParse(url);
