import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs, readBody, uploadedContent } from './body.js';
import { CallLog, type RecordedCall } from './call-log.js';
import type { ResponseTarget } from './ephemerals.js';
import { Faults } from './faults.js';
import { type MethodHandler, SlackApiError } from './method-types.js';
import { chatMethods } from './methods-chat.js';
import { conversationMethods } from './methods-conversations.js';
import { fileMethods } from './methods-files.js';
import { userMethods } from './methods-users.js';
import { viewMethods } from './methods-views.js';
import { type AppCredentials, type Approval, OAuthGrants, type TokenOwner } from './oauth.js';
import { showResponse } from './response-url.js';
import { SocketModeHub } from './socket-mode.js';
import { type NewChannel, Workspace } from './workspace.js';

/** Methods that change nothing: no need to tell the page. */
const READS = new Set([
  'auth.test',
  'users.info',
  'users.list',
  'usergroups.users.list',
  'conversations.info',
  'conversations.members',
  'conversations.history',
  'conversations.replies',
  'conversations.list',
  'chat.getPermalink',
  'pins.list',
]);

const METHODS: Record<string, MethodHandler> = {
  ...userMethods,
  ...conversationMethods,
  ...chatMethods,
  ...viewMethods,
  ...fileMethods,
};

export interface StandInOptions {
  /** Default 0: a random free port. */
  readonly port?: number;
  readonly teamId?: string;
  readonly botUserId?: string;
  readonly botId?: string;
  /** Slack's "now" (message ts and the like); give the bot's clock when a test pins it. */
  readonly clock?: { now(): Date };
  /** The app's OAuth credentials: set, the stand-in runs Slack's side of installs (`oauth.v2.access`). */
  readonly oauth?: AppCredentials;
}

/**
 * A local stand-in of Slack's Web API (`POST /api/<method>`), of response URLs and of file
 * upload URLs. Independent of the bot: it knows Slack, not us.
 */
export interface SlackStandIn {
  /** Web API base for WebClient's `slackApiUrl`, with a trailing slash. */
  readonly url: string;
  readonly origin: string;
  readonly calls: readonly RecordedCall[];
  readonly workspace: Workspace;
  /** Socket Mode: apps that call `apps.connections.open` connect here. */
  readonly socketMode: SocketModeHub;
  /** OAuth installs and the tokens they issued (revoke one to play an uninstall). */
  readonly oauth: OAuthGrants;
  callsTo(method: string): RecordedCall[];
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  clearCalls(): void;
  setLatency(method: string, ms: number): void;
  /** Answers the next `times` calls with HTTP 429, `Retry-After` and `{ok:false,error:'ratelimited'}`. */
  rateLimit(method: string, retryAfterSeconds: number, times?: number): void;
  /** Answers with `{ok:false,error}` (HTTP 200), `times` times or until reset. */
  failMethod(method: string, error: string, times?: number): void;
  /** Performs the next `times` calls, then drops their connections unanswered (the caller sees a network error). */
  dropAfter(method: string, times?: number): void;
  /** Leaves the next `times` calls unanswered (a hung Slack); they are dropped when the stand-in stops. */
  hang(method: string, times?: number): void;
  resetFaults(): void;
  addUser(user: { id: string; name: string; realName?: string; tz?: string; isBot?: boolean }): void;
  addUserGroup(group: { id: string; handle: string; users: string[] }): void;
  addChannel(channel: NewChannel): string;
  addMessage(channel: string, message: { ts?: string; user: string; text: string }): string;
  /**
   * A URL that accepts POSTs like Slack's `response_url`; each is recorded as method `response_url`.
   * With a target, what is posted there is also shown, as Slack shows it: ephemeral to that person
   * in that channel, or (`response_type: 'in_channel'`) in the channel for everyone.
   */
  responseUrl(id?: string, target?: ResponseTarget): string;
  stop(): Promise<void>;
}

export async function startSlackStandIn(options: StandInOptions = {}): Promise<SlackStandIn> {
  const workspace = new Workspace(
    options.teamId ?? 'T0001',
    options.botUserId ?? 'UBOT',
    options.botId ?? 'BBOT',
    options.clock,
  );
  const faults = new Faults();
  const log = new CallLog();
  const grants = new OAuthGrants(options.oauth ?? null, workspace.botUserId);
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'internal_error', detail: String(error) }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const raw = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    if (path.startsWith('/response/')) {
      const args = parseArgs(raw, contentType);
      log.record({ method: 'response_url', args, at: Date.now(), response: { ok: true }, path });
      showResponse(workspace, path.slice('/response/'.length), args);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (path.startsWith('/upload/')) {
      const file = workspace.files.get(path.slice('/upload/'.length));
      if (!file) return void res.writeHead(404).end();
      file.content = uploadedContent(raw, contentType);
      workspace.changes.notify();
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
      return;
    }
    if (path === '/oauth/v2/authorize' && req.method === 'GET') {
      const query = new URL(req.url ?? '/', 'http://stand-in').searchParams;
      const answer = grants.authorize(query, approvalIn(query, workspace.teamId));
      log.record({
        method: 'oauth.authorize',
        args: Object.fromEntries(query),
        at: Date.now(),
        response: {},
      });
      if (answer.location) return void res.writeHead(302, { location: answer.location }).end();
      return void res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
    }
    if (!path.startsWith('/api/') || req.method !== 'POST') return void res.writeHead(404).end();
    const method = path.slice('/api/'.length);
    const args = parseArgs(raw, contentType);
    const token =
      /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ??
      (typeof args.token === 'string' ? args.token : undefined);
    const latency = faults.latencyFor(method);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const fault = faults.take(method);
    if (fault?.kind === 'hang') {
      log.record({ method, args, at: Date.now(), token, response: { ok: false, error: 'hung' } });
      return;
    }
    let caller: TokenOwner | null = null;
    let refusal: string | null = null;
    try {
      caller = grants.ownerOf(token);
    } catch (error) {
      if (!(error instanceof SlackApiError)) throw error;
      refusal = error.error;
    }
    const { status, headers, response } =
      refusal !== null
        ? { status: 200, headers: {}, response: { ok: false, error: refusal } }
        : answer(method, args, fault, caller);
    const teamId = caller?.teamId ?? (refusal === null ? workspace.teamId : undefined);
    log.record({ method, args, at: Date.now(), token, teamId, response });
    if (response.ok && !READS.has(method)) workspace.changes.notify();
    if (fault?.kind === 'drop-after') {
      req.socket.destroy();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(response));
  }

  function answer(
    method: string,
    args: Record<string, unknown>,
    fault: ReturnType<Faults['take']>,
    caller: TokenOwner | null,
  ) {
    if (fault?.kind === 'ratelimit') {
      return {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfterSeconds) },
        response: { ok: false, error: 'ratelimited' },
      };
    }
    if (fault?.kind === 'fail')
      return { status: 200, headers: {}, response: { ok: false, error: fault.error } };
    if (method === 'apps.connections.open') {
      return {
        status: 200,
        headers: {},
        response: { ok: true, url: `${origin.replace('http', 'ws')}/socket` },
      };
    }
    const handler =
      method === 'oauth.v2.access' ? (a: Record<string, unknown>) => grants.access(a) : METHODS[method];
    if (!handler) return { status: 200, headers: {}, response: { ok: false, error: 'unknown_method' } };
    try {
      return {
        status: 200,
        headers: {},
        response: { ok: true, ...handler(args, { workspace, origin, caller }) },
      };
    } catch (error) {
      if (error instanceof SlackApiError) {
        const metadata = error.messages.length > 0 ? { response_metadata: { messages: error.messages } } : {};
        return { status: 200, headers: {}, response: { ok: false, error: error.error, ...metadata } };
      }
      throw error;
    }
  }

  const socketMode = new SocketModeHub(server);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stand-in has no port');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: `${origin}/api/`,
    origin,
    workspace,
    socketMode,
    oauth: grants,
    get calls() {
      return log.calls;
    },
    callsTo: (method) => log.callsTo(method),
    waitForCall: (method, predicate, timeoutMs) => log.waitFor(method, predicate, timeoutMs),
    waitForCalls: (method, count, timeoutMs) => log.waitForCount(method, count, timeoutMs),
    clearCalls: () => log.clear(),
    setLatency: (method, ms) => faults.setLatency(method, ms),
    rateLimit: (method, retryAfterSeconds, times = 1) =>
      faults.arm(method, { kind: 'ratelimit', retryAfterSeconds }, times),
    failMethod: (method, error, times = Number.POSITIVE_INFINITY) =>
      faults.arm(method, { kind: 'fail', error }, times),
    dropAfter: (method, times = 1) => faults.arm(method, { kind: 'drop-after' }, times),
    hang: (method, times = 1) => faults.arm(method, { kind: 'hang' }, times),
    resetFaults: () => faults.reset(),
    addUser: (user) => void workspace.addUser(user),
    addUserGroup: (group) => void workspace.userGroups.set(group.id, { ...group, users: [...group.users] }),
    addChannel: (channel) => workspace.addChannel(channel).id,
    addMessage: (channel, message) => workspace.addMessage(channel, message).ts,
    responseUrl: (id = randomBytes(6).toString('hex'), target) => {
      if (target) workspace.ephemerals.target(id, target);
      return `${origin}/response/${id}`;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        socketMode.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Which workspace a person approves an install into. Slack asks them on its page; the stand-in
 * reads it from `team` (and `enterprise`, with `org_wide=true` for an org-wide install).
 */
function approvalIn(query: URLSearchParams, defaultTeam: string): Approval {
  const enterpriseId = query.get('enterprise');
  return {
    teamId: query.get('team') ?? defaultTeam,
    ...(enterpriseId ? { enterpriseId, orgWide: query.get('org_wide') === 'true' } : {}),
  };
}
