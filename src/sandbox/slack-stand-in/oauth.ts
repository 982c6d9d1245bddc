import { randomBytes } from 'node:crypto';
import { type Args, SlackApiError, text } from './method-types.js';

/** The app's credentials, as its Basic Information page shows them. */
export interface AppCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Who a token belongs to: the workspace (and org) it was installed in, and the bot user there. */
export interface TokenOwner {
  readonly teamId: string;
  readonly enterpriseId: string | null;
  readonly isEnterpriseInstall: boolean;
  readonly botUserId: string;
  readonly installer: string;
}

/** Someone approving an install: into which workspace (or, with `enterpriseId` and `orgWide`, a whole org). */
export interface Approval {
  readonly teamId: string;
  readonly enterpriseId?: string;
  readonly orgWide?: boolean;
  readonly installer?: string;
}

/**
 * Slack's side of OAuth v2: the authorize page (`GET /oauth/v2/authorize`, approved at once for the
 * workspace named in `team`), the code exchange (`oauth.v2.access`) and the bot tokens it issues,
 * one per installation, so every later call says which workspace it is for. A token can be revoked
 * (an uninstall), after which Slack answers `token_revoked`.
 */
export class OAuthGrants {
  readonly #codes = new Map<string, { owner: TokenOwner; scopes: string }>();
  readonly #tokens = new Map<string, TokenOwner & { revoked: boolean }>();

  constructor(
    private readonly credentials: AppCredentials | null,
    private readonly defaultBotUserId: string,
  ) {}

  /**
   * The authorize page: checks the client id and answers with where the browser goes next, the
   * app's redirect URL with a code and the state it was given (or a refusal Slack would show).
   */
  authorize(
    query: URLSearchParams,
    approval: Approval,
  ): { status: number; location?: string; body?: string } {
    if (!this.credentials || query.get('client_id') !== this.credentials.clientId)
      return { status: 400, body: 'invalid_client_id' };
    const redirect = query.get('redirect_uri');
    if (!redirect) return { status: 400, body: 'redirect_uri is required by this stand-in' };
    const code = `code-${randomBytes(8).toString('hex')}`;
    const orgWide = approval.orgWide === true && approval.enterpriseId !== undefined;
    this.#codes.set(code, {
      scopes: query.get('scope') ?? '',
      owner: {
        teamId: approval.teamId,
        enterpriseId: approval.enterpriseId ?? null,
        isEnterpriseInstall: orgWide,
        botUserId: this.defaultBotUserId,
        installer: approval.installer ?? 'U0INSTALLER',
      },
    });
    const target = new URL(redirect);
    target.searchParams.set('code', code);
    const state = query.get('state');
    if (state !== null) target.searchParams.set('state', state);
    return { status: 302, location: target.toString() };
  }

  /** `oauth.v2.access`: a code, once, for the app's credentials, becomes a bot token. */
  access(args: Args): Record<string, unknown> {
    if (
      !this.credentials ||
      text(args, 'client_id') !== this.credentials.clientId ||
      text(args, 'client_secret') !== this.credentials.clientSecret
    )
      throw new SlackApiError('invalid_client');
    const grant = this.#codes.get(text(args, 'code'));
    if (!grant) throw new SlackApiError('invalid_code');
    this.#codes.delete(text(args, 'code'));
    const { owner } = grant;
    const token = `xoxb-stand-in-${owner.isEnterpriseInstall ? owner.enterpriseId : owner.teamId}-${randomBytes(6).toString('hex')}`;
    this.#tokens.set(token, { ...owner, revoked: false });
    const enterprise = owner.enterpriseId
      ? { id: owner.enterpriseId, name: `Org ${owner.enterpriseId}` }
      : null;
    return {
      app_id: 'A123456',
      authed_user: { id: owner.installer },
      scope: grant.scopes,
      token_type: 'bot',
      access_token: token,
      bot_user_id: owner.botUserId,
      team: owner.isEnterpriseInstall ? null : { id: owner.teamId, name: `Workspace ${owner.teamId}` },
      enterprise,
      is_enterprise_install: owner.isEnterpriseInstall,
    };
  }

  /**
   * Who a call's token belongs to. Tokens this stand-in issued must be live (`invalid_auth` for one
   * it never issued that looks like its own, `token_revoked` once revoked); any other token stands
   * for the stand-in's one workspace, as before OAuth.
   */
  ownerOf(token: string | undefined): TokenOwner | null {
    if (!token?.startsWith('xoxb-stand-in-')) return null;
    const owner = this.#tokens.get(token);
    if (!owner) throw new SlackApiError('invalid_auth');
    if (owner.revoked) throw new SlackApiError('token_revoked');
    return owner;
  }

  /** Revokes every token of a workspace (or an org-wide install's, by its org's id), as an uninstall does. */
  revoke(teamOrEnterpriseId: string): void {
    for (const owner of this.#tokens.values())
      if (owner.teamId === teamOrEnterpriseId || owner.enterpriseId === teamOrEnterpriseId)
        owner.revoked = true;
  }

  /** Live tokens issued for a workspace. */
  tokensOf(teamId: string): string[] {
    return [...this.#tokens.entries()]
      .filter(([, owner]) => !owner.revoked && owner.teamId === teamId)
      .map(([token]) => token);
  }
}
