/**
 * Who asked for a change and from where, as Slack told us (signed). Every id a payload names
 * (an incident in a modal's metadata or a button's value) is checked against this before anything
 * is recorded: same workspace, same channel for channel controls, and a person allowed to see it.
 */
export interface Origin {
  readonly teamId: string;
  readonly userId: string;
  /**
   * The channel the person acted in (a header control, a command typed there), or null when the
   * action came from a modal, a direct message or App Home. When set, the incident must be this
   * channel's: being in the channel is what lets a person see it.
   */
  readonly channelId: string | null;
  /**
   * A Slack event id: recorded as processed in the same transaction as the change, so a retried
   * delivery records nothing and a crash before the commit leaves the event free to be retried.
   */
  readonly eventId?: string;
}
