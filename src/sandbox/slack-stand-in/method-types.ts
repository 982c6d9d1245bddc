import type { TokenOwner } from './oauth.js';
import type { Workspace } from './workspace.js';

/** A Slack-style refusal: answered as HTTP 200 `{ok:false, error}`, with Slack's pointers at the fields when it has them. */
export class SlackApiError extends Error {
  constructor(
    readonly error: string,
    readonly messages: readonly string[] = [],
  ) {
    super(messages.length > 0 ? `${error}: ${messages.join('; ')}` : error);
  }
}

export interface MethodContext {
  readonly workspace: Workspace;
  /** `http://127.0.0.1:<port>`, for URLs the stand-in hands out (uploads, permalinks). */
  readonly origin: string;
  /** Whose token made the call, when it is one the stand-in issued through OAuth. */
  readonly caller?: TokenOwner | null;
}

export type Args = Record<string, unknown>;
export type MethodHandler = (args: Args, context: MethodContext) => Record<string, unknown>;

export const text = (args: Args, name: string): string => {
  const value = args[name];
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
};

export const required = (args: Args, name: string): string => {
  const value = text(args, name);
  if (value === '') throw new SlackApiError(`invalid_arguments`);
  return value;
};

export const flag = (args: Args, name: string): boolean => args[name] === true || args[name] === 'true';
