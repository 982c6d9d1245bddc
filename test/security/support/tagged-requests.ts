import type { RecordedCall, SlackStandIn } from '../../support/slack-stand-in/index.js';

/** What a request carries that Slack hands back to the bot: its trigger id and its response URL. */
export interface Tagged {
  readonly triggerId: string;
  readonly responseUrl: string;
}

const TRIGGER = /^\d+\.tagged\.([UW][A-Z0-9]+)$/;
const RESPONSE = /^\/response\/([UW][A-Z0-9]+)-\d+$/;
const USER = /^[UW][A-Z0-9]+$/;

/**
 * Trigger ids and response URLs that say whose request they came with, so what the bot does with
 * them later (a modal opened, an answer posted) can be traced to the person it reaches.
 */
export function taggedRequests(slack: SlackStandIn): (user: string) => Tagged {
  let n = 0;
  return (user) => {
    n += 1;
    return { triggerId: `${n}.tagged.${user}`, responseUrl: slack.responseUrl(`${user}-${n}`) };
  };
}

/** Where a call went: a channel, or the people it reaches (none known: it reaches whoever is there). */
export interface Audience {
  readonly channel: string | null;
  readonly users: readonly string[];
}

/**
 * Who a recorded Web API call reaches: a modal or an answer the person whose tagged request it
 * came with; App Home its user; a direct message the person in it; a message anyone in its channel.
 */
export function audienceOf(slack: SlackStandIn): (call: RecordedCall) => Audience {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const triggeredBy = (call: RecordedCall): string[] => {
    const user = TRIGGER.exec(text(call.args.trigger_id))?.[1];
    return user ? [user] : [];
  };
  const viewOwner = (viewId: string): string[] => {
    const opened = slack.calls.find(
      (c) =>
        (c.method === 'views.open' || c.method === 'views.push' || c.method === 'views.publish') &&
        (c.response.view as { id?: unknown } | undefined)?.id === viewId,
    );
    if (!opened) return [];
    return opened.method === 'views.publish' ? [text(opened.args.user_id)] : triggeredBy(opened);
  };
  const inChannel = (channel: string): Audience => {
    if (USER.test(channel)) return { channel: null, users: [channel] };
    const known = slack.workspace.channels.get(channel);
    if (known?.isIm)
      return { channel, users: [...known.members].filter((m) => m !== slack.workspace.botUserId) };
    return { channel, users: [] };
  };
  return (call) => {
    switch (call.method) {
      case 'response_url': {
        const user = RESPONSE.exec(call.path ?? '')?.[1];
        return { channel: null, users: user ? [user] : [] };
      }
      case 'views.open':
      case 'views.push':
        return { channel: null, users: triggeredBy(call) };
      case 'views.update':
        return { channel: null, users: viewOwner(text(call.args.view_id)) };
      case 'views.publish':
        return { channel: null, users: [text(call.args.user_id)] };
      case 'conversations.open':
        return { channel: null, users: text(call.args.users).split(',') };
      case 'chat.postEphemeral':
        return { channel: text(call.args.channel), users: [text(call.args.user)] };
      case 'conversations.create':
        return inChannel(text((call.response.channel as { id?: unknown } | undefined)?.id));
      default:
        return inChannel(text(call.args.channel) || text(call.args.channel_id));
    }
  };
}
