/**
 * Whether a person is in a channel right now (Slack knows; we do not keep a copy). Asked only for
 * private incidents, when someone who never worked the incident acts on it from outside its channel.
 */
export type ChannelMembership = (channelId: string, userId: string, teamId?: string) => Promise<boolean>;
