import { createHmac, randomBytes } from 'node:crypto';
import { NOWHERE_RESPONSE_URL } from './slack-payloads.js';

/** Where signed Slack requests go, and the secret they are signed with. */
export interface SlackRequestTarget {
  readonly url: string;
  readonly signingSecret: string;
}

export interface SlackHttpResult {
  readonly status: number;
  readonly body: string;
  readonly json?: unknown;
  readonly elapsedMs: number;
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  readonly timestamp?: number;
  readonly badSignature?: boolean;
  readonly contentType?: string;
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function signSlackBody(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

async function send(
  target: SlackRequestTarget,
  body: string,
  contentType: string,
  options: SignOptions = {},
  extraHeaders: Record<string, string> = {},
): Promise<SlackHttpResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.badSignature
    ? signSlackBody(`${target.signingSecret}-wrong`, timestamp, body)
    : signSlackBody(target.signingSecret, timestamp, body);
  const started = performance.now();
  const response = await fetch(target.url, {
    method: 'POST',
    headers: {
      // Bare type, no charset: Bolt's HTTP receiver answers 400 to `…; charset=utf-8`.
      'content-type': options.contentType ?? contentType,
      'x-slack-signature': signature,
      'x-slack-request-timestamp': String(timestamp),
      ...extraHeaders,
    },
    body,
  });
  const text = await response.text();
  const elapsedMs = performance.now() - started;
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, body: text, json, elapsedMs };
}

export interface SlashCommandFields {
  readonly text: string;
  readonly userId?: string;
  readonly userName?: string;
  readonly channelId?: string;
  readonly channelName?: string;
  readonly teamId?: string;
  readonly command?: string;
  readonly triggerId?: string;
  readonly responseUrl?: string;
}

/** A slash command as Slack posts it: form-encoded, with the fields real deliveries carry. */
export function sendSlashCommand(
  target: SlackRequestTarget,
  fields: SlashCommandFields,
  options?: SignOptions,
): Promise<SlackHttpResult> {
  const form = new URLSearchParams({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: fields.teamId ?? 'T0001',
    team_domain: 'example',
    enterprise_id: 'E0001',
    enterprise_name: 'Globular Construct Inc',
    channel_id: fields.channelId ?? 'C2147483705',
    channel_name: fields.channelName ?? 'test',
    user_id: fields.userId ?? 'U2147483697',
    user_name: fields.userName ?? 'Steve',
    command: fields.command ?? '/incident',
    text: fields.text,
    api_app_id: 'A123456',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl ?? NOWHERE_RESPONSE_URL,
    trigger_id: fields.triggerId ?? `${Date.now()}.${randomBytes(4).toString('hex')}`,
  });
  return send(target, form.toString(), 'application/x-www-form-urlencoded', options);
}

/** An interaction (button, modal submission, shortcut): form-encoded `payload=<json>`. */
export function sendInteraction(
  target: SlackRequestTarget,
  payload: Record<string, unknown>,
  options?: SignOptions,
): Promise<SlackHttpResult> {
  const form = new URLSearchParams({ payload: JSON.stringify(payload) });
  return send(target, form.toString(), 'application/x-www-form-urlencoded', options);
}

/** An Events API envelope, as JSON; `retryNum` marks a redelivery as Slack does. */
export function sendEvent(
  target: SlackRequestTarget,
  envelope: Record<string, unknown>,
  options: SignOptions & { retryNum?: number; retryReason?: string } = {},
): Promise<SlackHttpResult> {
  const headers: Record<string, string> = {};
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
  }
  return send(target, JSON.stringify(envelope), 'application/json', options, headers);
}

/**
 * The private answer in a slash command's ack: the bot saves first and answers in the ack, so
 * what the person reads arrives with Slack's 200. Throws when the ack carried no ephemeral text.
 */
export function ackText(result: SlackHttpResult): string {
  const body = result.json as { response_type?: unknown; text?: unknown } | undefined;
  if (result.status !== 200 || body?.response_type !== 'ephemeral' || typeof body.text !== 'string')
    throw new Error(`expected an ephemeral answer in the ack, got ${result.status} ${result.body}`);
  return body.text;
}

/** Runs a slash command and returns the private answer in its ack. */
export async function slashAnswer(
  target: SlackRequestTarget,
  fields: SlashCommandFields,
  options?: SignOptions,
): Promise<string> {
  return ackText(await sendSlashCommand(target, fields, options));
}
