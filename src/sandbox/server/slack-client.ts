import { randomBytes } from 'node:crypto';
import type { SlackHttpResult, SlackRequestTarget } from '../slack-requests.js';
import type { SlackStandIn } from '../slack-stand-in/index.js';

/**
 * What the sandbox's Slack client needs to act for a person: the stand-in (Slack's memory), where
 * the bot takes signed requests, and the workspace's names.
 */
export interface SlackClient {
  readonly slack: SlackStandIn;
  readonly target: SlackRequestTarget;
  readonly teamId: string;
  /** The bot's slash command, e.g. `/incident`. */
  readonly command: string;
}

export const newEventId = (): string => `Ev${randomBytes(5).toString('hex').toUpperCase()}`;

/** A person's request to the bot failed as Slack would show it (the app did not answer, or not in time). */
export class DeliveryError extends Error {}

/** Throws unless the bot answered 200, as Slack needs; returns the answer's JSON (`{}` when empty). */
export function answerOf(result: SlackHttpResult, what: string): Record<string, unknown> {
  if (result.status !== 200)
    throw new DeliveryError(
      `${what}: the app answered ${result.status} ${result.body.slice(0, 200)} (Slack would show "operation_timeout")`,
    );
  return result.json !== null && typeof result.json === 'object'
    ? (result.json as Record<string, unknown>)
    : {};
}

/**
 * `@casey` and `#incidents` as Slack sends them once picked from its autocomplete: `<@U…|casey>`,
 * `<#C…|incidents>`. Names nobody has stay as typed.
 */
export function withMentions(slack: SlackStandIn, text: string): string {
  const users = [...slack.workspace.users.values()];
  const channels = [...slack.workspace.channels.values()].filter((c) => !c.isIm);
  return text
    .replace(/(^|\s)@([a-z0-9._-]+)/gi, (match, space: string, name: string) => {
      const user = users.find((u) => u.name.toLowerCase() === name.toLowerCase());
      return user ? `${space}<@${user.id}|${user.name}>` : match;
    })
    .replace(/(^|\s)#([a-z0-9_-]+)/gi, (match, space: string, name: string) => {
      const channel = channels.find((c) => c.name === name.toLowerCase());
      return channel ? `${space}<#${channel.id}|${channel.name}>` : match;
    });
}
